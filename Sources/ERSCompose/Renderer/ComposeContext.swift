import ERSModel
import ERSRender

/// One render of a spec: the spec, the options, and the diagnostics found on the way.
struct ComposeContext {
    let spec: SystemSpec
    let options: ComposeRenderOptions
    let gatewayConfigPath: String
    var diagnostics: [Diagnostic] = []

    init(spec: SystemSpec, options: ComposeRenderOptions, gatewayConfigPath: String) {
        self.spec = spec
        self.options = options
        self.gatewayConfigPath = gatewayConfigPath
    }

    mutating func fail(_ path: FieldPath, _ message: String) {
        diagnostics.append(.error(path, message))
    }

    /// The whole file: `name`, `services` (the spec's services in order, then its datastores),
    /// `volumes` (one per datastore) and `secrets` (one per secret file). Compose spec:
    /// "Compose file" top-level elements.
    mutating func document() -> YAMLValue {
        var services = YAMLMapping()
        for service in spec.services {
            services[service.name] = serviceEntry(service)
        }
        for datastore in spec.datastores {
            if services[datastore.name] != nil {
                fail(FieldPath.root.key("datastores").name(datastore.name).key("name"), "'\(datastore.name)' is also a service's name; compose needs one name per container")
                continue
            }
            services[datastore.name] = datastoreEntry(datastore)
        }
        var volumes = YAMLMapping()
        for datastore in spec.datastores {
            volumes[ComposeContext.volumeName(of: datastore)] = .mapping(YAMLMapping())
        }
        return [
            "name": .string(projectName),
            "services": .mapping(services),
            "volumes": YAMLValue.mapping(volumes).nonEmpty,
            "secrets": YAMLValue.mapping(secretFiles()).nonEmpty,
        ]
    }

    /// The compose project name: `<system>-<environment>` (compose spec "name": lower-case
    /// letters, digits, `-` and `_`, starting with a letter or digit).
    var projectName: String {
        let raw = "\(spec.name)-\(spec.environment)".lowercased()
        return String(raw.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
    }

    /// The named volume of a datastore's data: `<datastore>-data`.
    static func volumeName(of datastore: Datastore) -> String { "\(datastore.name)-data" }
}
