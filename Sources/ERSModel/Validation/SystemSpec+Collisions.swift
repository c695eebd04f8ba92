extension SystemSpec {
    /// Names and values that would collide with what ERS renders itself, or break the cluster:
    /// service names that are ersctl's own file or object names, shared namespaces (ERS puts a
    /// default-deny NetworkPolicy and restricted pod security on the whole namespace), env
    /// names ERS sets, routes back to the gateway, writable paths, published host ports.
    func validateCollisions() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if SystemSpec.sharedNamespaces.contains(namespace) || namespace.hasPrefix("kube-") {
            diagnostics.append(.error([.key("namespace")], "'\(namespace)' is a shared namespace; ERS renders a default-deny NetworkPolicy and restricted pod security for its whole namespace, which would cut off everything else in it — use a namespace of its own, e.g. \(name)-\(environment)"))
        }
        var reserved: [String: String] = [
            "kustomization": "the kustomization file", "namespace": "the namespace file",
            "network-policies": "the namespace's network policies file", "gateway-route": "the gateway route file",
            "default-deny-all": "the default-deny NetworkPolicy", "allow-dns-egress": "the DNS egress NetworkPolicy",
            "\(name)-migrate": "the migration Job", "\(name)\(SystemSpec.partitionMaintenanceSuffix)": "the partition-maintenance CronJob",
        ]
        for datastore in datastores where datastore.placement == .inCluster {
            reserved["\(datastore.name)-headless"] = "the headless Service of datastore '\(datastore.name)'"
        }
        for service in services {
            let path = FieldPath([.key("services"), .name(service.name)])
            if let use = reserved[service.name] {
                diagnostics.append(.error(path.key("name"), "'\(service.name)' is taken by \(use) that ersctl renders; rename the service"))
            }
            diagnostics += environmentCollisions(of: service, path: path)
            diagnostics += writablePathProblems(of: service, path: path)
        }
        for route in gateway.routes where route.service == gateway.service {
            diagnostics.append(.error([.key("gateway"), .key("routes"), .name(route.name), .key("service")], "the route sends requests to the gateway itself, a loop; route to the service that answers them"))
        }
        var published: [Int: String] = [:]
        for service in services where service.publish == true {
            for port in service.ports {
                let hostPort = port.hostPort ?? port.effectiveServicePort
                if let other = published[hostPort] {
                    diagnostics.append(.error([.key("services"), .name(service.name), .key("ports"), .name(port.name), .key("hostPort")], "host port \(hostPort) is already published by '\(other)' in compose; give this port another hostPort"))
                }
                published[hostPort] = "\(service.name)/\(port.name)"
            }
        }
        return diagnostics
    }

    /// Namespaces other workloads share.
    static let sharedNamespaces: Set<String> = ["default", "kube-system", "kube-public", "kube-node-lease"]

    /// Env names ERS sets for the service (datastore URLs and password files, secret files)
    /// must not be set again in `env` or `config`; `env` and `config` must not repeat a name.
    private func environmentCollisions(of service: Service, path: FieldPath) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var generated: [String: String] = [:]
        for secret in service.secrets ?? [] { generated[secret.fileEnvName] = "secret '\(secret.name)'" }
        for name in service.datastores ?? [] {
            guard let datastore = datastore(named: name) else { continue }
            generated["\(datastore.engine.envPrefix)_URL"] = "datastore '\(name)'"
            generated["\(datastore.engine.envPrefix)_PASSWORD_FILE"] = "datastore '\(name)'"
        }
        let configKeys = Set((service.config ?? [:]).keys)
        for variable in service.env ?? [] {
            if let source = generated[variable.name] {
                diagnostics.append(.error(path.key("env").name(variable.name).key("name"), "\(variable.name) is set by ERS from \(source); remove it from env"))
            } else if configKeys.contains(variable.name) {
                diagnostics.append(.error(path.key("env").name(variable.name).key("name"), "\(variable.name) is in both env and config; keep it in one place"))
            }
        }
        for key in configKeys.sorted() {
            if let source = generated[key] {
                diagnostics.append(.error(path.key("config").key(key), "\(key) is set by ERS from \(source); remove it from config"))
            }
        }
        var size = 0
        for (key, value) in service.config ?? [:] {
            size += key.utf8.count + value.utf8.count
            if SystemSpec.looksSecret(key) {
                diagnostics.append(.warning(path.key("config").key(key), "\(key) looks like a secret, and config is rendered in plain text (ConfigMap, compose file); move it to secrets (mounted as a file, <NAME>_FILE)"))
            }
        }
        for variable in service.env ?? [] where SystemSpec.looksSecret(variable.name) {
            diagnostics.append(.warning(path.key("env").name(variable.name).key("name"), "\(variable.name) looks like a secret, and env values are rendered in plain text; move it to secrets (mounted as a file, <NAME>_FILE)"))
        }
        if size > SystemSpec.configMapDataLimit {
            diagnostics.append(.error(path.key("config"), "config holds \(size) bytes; a ConfigMap holds at most 1 MiB (\(SystemSpec.configMapDataLimit) bytes) — mount large data another way"))
        }
        return diagnostics
    }

    /// Bytes a ConfigMap's data may hold (Kubernetes API: 1 MiB).
    static let configMapDataLimit = 1 << 20

    /// Whether an env or config name looks like it holds a secret value.
    static func looksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        guard !upper.hasSuffix("_FILE") else { return false }
        return ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "PRIVATE_KEY", "API_KEY", "ACCESS_KEY", "CREDENTIAL"].contains { upper.contains($0) }
    }

    private func writablePathProblems(of service: Service, path: FieldPath) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for (index, raw) in (service.writablePaths ?? []).enumerated() {
            let cleaned = raw.count > 1 && raw.hasSuffix("/") ? String(raw.dropLast()) : raw
            let itemPath = path.key("writablePaths").index(index)
            if !cleaned.hasPrefix("/") || cleaned == "/" || cleaned.contains("..") || cleaned.contains("//") {
                diagnostics.append(.error(itemPath, "'\(raw)' is not a writable directory below the root; write an absolute path such as /tmp"))
            } else if cleaned == "/run/secrets" || cleaned.hasPrefix("/run/secrets/") {
                diagnostics.append(.error(itemPath, "'\(raw)' is where secrets are mounted; choose another path"))
            } else if !seen.insert(cleaned).inserted {
                diagnostics.append(.error(itemPath, "'\(raw)' is listed twice; list each path once"))
            }
        }
        return diagnostics
    }
}
