extension SystemSpec {
    /// Datastores: what each placement needs, and engine-specific fields.
    func validateDatastores() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for datastore in datastores {
            let path = FieldPath([.key("datastores"), .name(datastore.name)])
            switch datastore.placement {
            case .external:
                if datastore.host == nil {
                    diagnostics.append(.error(path.key("placement"), "an external datastore needs host (e.g. host: db.example.com); add it, or set placement: inCluster"))
                }
                if datastore.cidr == nil {
                    diagnostics.append(.error(path.key("placement"), "an external datastore needs cidr so the egress NetworkPolicy can allow it (NetworkPolicies match addresses, not host names), e.g. 10.20.0.0/24"))
                }
                if datastore.image != nil || datastore.storage != nil {
                    diagnostics.append(.warning(path.key("placement"), "image and storage are ignored for an external datastore; remove them (null in an overlay)"))
                }
            case .inCluster:
                if datastore.image == nil {
                    diagnostics.append(.error(path.key("placement"), "an in-cluster datastore needs image, e.g. {repository: docker.io/library/postgres, tag: \"15.10-bookworm\"}"))
                }
                if datastore.storage == nil {
                    diagnostics.append(.error(path.key("placement"), "an in-cluster datastore needs storage (e.g. {size: 20Gi}); without a volume its data is lost on restart"))
                }
            }
            if datastore.engine == .postgresql, datastore.database == nil {
                diagnostics.append(.error(path.key("database"), "a PostgreSQL datastore needs database, e.g. ers"))
            }
            if datastore.engine == .redis, datastore.database != nil {
                diagnostics.append(.error(path.key("database"), "Redis has no named databases; remove database"))
            }
            if datastore.passwordSecret == nil {
                diagnostics.append(.error(path.key("passwordSecret"), "no password: ERS refuses datastores without authentication; set passwordSecret {secretName, key}"))
            }
        }
        for service in services {
            var engines: [DatastoreEngine: String] = [:]
            for (index, name) in (service.datastores ?? []).enumerated() {
                guard let datastore = datastore(named: name) else { continue }
                if let other = engines[datastore.engine] {
                    diagnostics.append(.error([.key("services"), .name(service.name), .key("datastores"), .index(index)], "'\(name)' and '\(other)' are both \(datastore.engine.rawValue): a service gets one \(datastore.engine.envPrefix)_URL; use one of them"))
                }
                engines[datastore.engine] = name
            }
        }
        return diagnostics
    }
}
