extension SystemSpec {
    /// References across the spec: routes to services and ports, services to datastores,
    /// probes to ports, the gateway and auth service, `network.ingressFrom`.
    func validateReferences() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let serviceNames = services.map(\.name)
        let datastoreNames = datastores.map(\.name)
        for service in services {
            let path = FieldPath([.key("services"), .name(service.name)])
            for (index, name) in (service.datastores ?? []).enumerated() where !datastoreNames.contains(name) {
                diagnostics.append(.error(
                    path.key("datastores").index(index),
                    "datastore '\(name)' is not declared; declare it under datastores or use one of: \(datastoreNames.joined(separator: ", "))"))
            }
            let portNames = service.ports.map(\.name)
            for (kind, probe) in [("liveness", service.probes?.liveness), ("readiness", service.probes?.readiness), ("startup", service.probes?.startup)] {
                guard let probe, !portNames.contains(probe.port) else { continue }
                diagnostics.append(.error(
                    path.key("probes").key(kind).key("port"),
                    "port '\(probe.port)' is not declared on service '\(service.name)'; use one of: \(portNames.joined(separator: ", "))"))
            }
            for (index, name) in (service.network?.ingressFrom ?? []).enumerated() where !serviceNames.contains(name) {
                diagnostics.append(.error(
                    path.key("network").key("ingressFrom").index(index),
                    "service '\(name)' does not exist; use one of: \(serviceNames.joined(separator: ", "))"))
            }
        }
        diagnostics += checkTarget(gateway.service, port: gateway.port, path: [.key("gateway")])
        diagnostics += checkTarget(gateway.auth.service, port: gateway.auth.port, path: [.key("gateway"), .key("auth")])
        for (index, cidr) in (gateway.trustedProxies ?? []).enumerated() where !CIDR.isValid(cidr) {
            diagnostics.append(.error([.key("gateway"), .key("trustedProxies"), .index(index)], "'\(cidr)' is not a CIDR; write e.g. 10.0.0.0/8 or fd00::/8"))
        }
        for service in services {
            for (index, rule) in (service.network?.egress ?? []).enumerated() {
                let path: FieldPath = [.key("services"), .name(service.name), .key("network"), .key("egress"), .index(index)]
                if !CIDR.isValid(rule.cidr) { diagnostics.append(.error(path.key("cidr"), "'\(rule.cidr)' is not a CIDR; write e.g. 10.0.0.0/8")) }
                for (position, except) in (rule.except ?? []).enumerated() where !CIDR.isValid(except) {
                    diagnostics.append(.error(path.key("except").index(position), "'\(except)' is not a CIDR; write e.g. 10.1.0.0/16"))
                }
            }
        }
        for datastore in datastores {
            if let cidr = datastore.cidr, !CIDR.isValid(cidr) {
                diagnostics.append(.error([.key("datastores"), .name(datastore.name), .key("cidr")], "'\(cidr)' is not a CIDR; write e.g. 10.20.0.0/24"))
            }
        }
        var paths: [String: String] = [:]
        for route in gateway.routes {
            let path: FieldPath = [.key("gateway"), .key("routes"), .name(route.name)]
            diagnostics += checkTarget(route.service, port: route.port, path: path)
            if !route.path.hasPrefix("/") || route.path.contains(" ") || route.path.contains("..") {
                diagnostics.append(.error(path.key("path"), "'\(route.path)' is not a request path; it must start with / and hold no spaces or '..'"))
            }
            if route.effectiveMatch == .prefix, route.path.count > 1, route.path.hasSuffix("/") {
                diagnostics.append(.error(path.key("path"), "a prefix path matches whole segments; write '\(route.path.dropLast())' without the trailing /"))
            }
            let key = "\(route.effectiveMatch.rawValue) \(route.path)"
            if let other = paths[key] {
                diagnostics.append(.error(path.key("path"), "route '\(other)' already matches \(key); remove one of them"))
            }
            paths[key] = route.name
        }
        return diagnostics
    }

    private func checkTarget(_ serviceName: String, port: String, path: FieldPath) -> [Diagnostic] {
        guard let service = service(named: serviceName) else {
            return [.error(path.key("service"), "service '\(serviceName)' does not exist; use one of: \(services.map(\.name).joined(separator: ", "))")]
        }
        guard service.port(named: port) != nil else {
            return [.error(path.key("port"), "service '\(serviceName)' has no port '\(port)'; use one of: \(service.ports.map(\.name).joined(separator: ", "))")]
        }
        return []
    }
}
