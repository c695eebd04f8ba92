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
        for route in gateway.routes {
            diagnostics += checkTarget(route.service, port: route.port, path: [.key("gateway"), .key("routes"), .name(route.name)])
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
