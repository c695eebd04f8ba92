import ERSModel
import ERSRender

extension ComposeContext {
    /// The secrets mounted into `service` (compose spec "services.secrets", short syntax: the
    /// file appears at `/run/secrets/<name>`): its own, then each used datastore's password.
    func secretNames(of service: Service) -> [String] {
        var names = (service.secrets ?? []).map(\.name)
        for name in service.datastores ?? [] {
            guard let datastore = spec.datastore(named: name), datastore.passwordSecret != nil else { continue }
            names.append(DatastoreConnection.passwordFileName(of: datastore))
        }
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// Top-level `secrets` (compose spec "secrets"): one `file: ./secrets/<name>` per secret a
    /// service or datastore mounts, sorted by name. Only file references: a value never enters
    /// the compose file. Two spec secrets with the same file name but different Kubernetes
    /// sources are reported, since compose would mount one file for both.
    mutating func secretFiles() -> YAMLMapping {
        var sources: [String: (secretName: String, key: String)] = [:]
        for service in spec.services {
            for (index, secret) in (service.secrets ?? []).enumerated() {
                if let known = sources[secret.name], known != (secret.secretName, secret.key) {
                    fail(
                        FieldPath.root.key("services").name(service.name).key("secrets").index(index).key("name"),
                        "'\(secret.name)' already names key '\(known.key)' of Secret '\(known.secretName)'; give this secret its own name")
                    continue
                }
                sources[secret.name] = (secret.secretName, secret.key)
            }
        }
        for datastore in spec.datastores {
            guard let password = datastore.passwordSecret else { continue }
            let name = DatastoreConnection.passwordFileName(of: datastore)
            if sources[name] != nil {
                fail(FieldPath.root.key("datastores").name(datastore.name).key("passwordSecret"), "'\(name)' is also a service secret's name; rename that secret")
                continue
            }
            sources[name] = (password.secretName, password.key)
        }
        var files = YAMLMapping()
        for name in sources.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            files[name] = ["file": .string("./\(ComposeRenderer.secretsDirectory)/\(name)")]
        }
        return files
    }
}
