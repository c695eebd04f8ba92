import ERSModel
import ERSRender

extension ComposeContext {
    /// `depends_on` (compose spec "depends_on", long syntax), sorted by name:
    /// - each datastore the service uses, `condition: service_healthy`;
    /// - for the gateway, each routed service and the auth service, `service_healthy` (or
    ///   `service_started` for a service without a healthcheck) with `restart: true`: nginx
    ///   resolves upstream names once, so when compose re-creates a routed service (new IP),
    ///   it restarts the gateway too.
    mutating func dependencies(of service: Service, at path: FieldPath) -> YAMLMapping {
        var entries: [String: YAMLValue] = [:]
        for name in service.datastores ?? [] where spec.datastore(named: name) != nil {
            entries[name] = ["condition": "service_healthy"]
        }
        if service.name == spec.gateway.service {
            let upstreams = Set(spec.gateway.routes.map(\.service) + [spec.gateway.auth.service]).subtracting([service.name])
            for name in upstreams {
                guard let upstream = spec.service(named: name) else {
                    fail(FieldPath.root.key("gateway"), "routes or auth name service '\(name)', which is not declared")
                    continue
                }
                entries[name] = ["condition": hasHealthcheck(upstream) ? "service_healthy" : "service_started", "restart": true]
            }
        }
        return YAMLMapping(sortingKeysOf: entries)
    }
}
