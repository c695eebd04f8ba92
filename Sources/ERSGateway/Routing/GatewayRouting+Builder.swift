import ERSModel

extension GatewayRouting {
    /// Collects upstreams, locations and diagnostics while walking the gateway spec.
    struct Builder {
        let spec: SystemSpec
        let target: GatewayTarget
        var upstreams: [String: GatewayUpstream] = [:]
        var locations: [GatewayLocation] = []
        var diagnostics: [Diagnostic] = []
        /// Which route claimed each location (`matchText`), to report both of a clash.
        private var owners: [String: String] = [:]

        init(spec: SystemSpec, target: GatewayTarget) {
            self.spec = spec
            self.target = target
        }

        mutating func fail(_ path: FieldPath, _ message: String) {
            diagnostics.append(.error(path, message))
        }

        /// The declared port `portName` of service `serviceName`, or nil after a diagnostic.
        mutating func port(_ portName: String, of serviceName: String, at path: FieldPath) -> ContainerPort? {
            guard let service = spec.service(named: serviceName) else {
                let known = spec.services.map(\.name).joined(separator: ", ")
                fail(path.key("service"), "service '\(serviceName)' is not declared; use one of: \(known)")
                return nil
            }
            guard let port = service.port(named: portName) else {
                let known = service.ports.map(\.name).joined(separator: ", ")
                fail(path.key("port"), "service '\(serviceName)' has no port named '\(portName)'; use one of: \(known)")
                return nil
            }
            return port
        }

        /// The upstream for a service's port, added on first use; nil after a diagnostic.
        mutating func upstream(service serviceName: String, port portName: String, at path: FieldPath) -> String? {
            guard let port = port(portName, of: serviceName, at: path), let service = spec.service(named: serviceName) else {
                return nil
            }
            let name = GatewayUpstream.name(service: serviceName, port: portName)
            if upstreams[name] != nil { return name }
            guard NginxToken.isSafeName(serviceName), NginxToken.isSafeName(portName), NginxToken.isSafeName(spec.namespace) else {
                fail(path, "service '\(serviceName)', port '\(portName)' or namespace '\(spec.namespace)' is not a DNS label; use lower-case letters, digits and '-'")
                return nil
            }
            guard let servers = target.servers(for: service, port: port, in: spec), !servers.isEmpty else {
                fail(path.key("service"), "the target has no server for service '\(serviceName)'; add it to the target")
                return nil
            }
            for server in servers {
                let parts = server.address.split(separator: ":", omittingEmptySubsequences: false)
                if parts.count != 2 || !NginxToken.isSafeName(String(parts[0])) || Int(parts[1]).map({ !(1...65535).contains($0) }) ?? true {
                    fail(path.key("service"), "server '\(server.address)' of service '\(serviceName)' is not host:port with a host name or IPv4 address")
                }
                if let weight = server.weight, weight < 1 {
                    fail(path.key("service"), "server '\(server.address)' of service '\(serviceName)' has weight \(weight); nginx needs at least 1 (mark the server down instead)")
                }
            }
            if servers.allSatisfy(\.isDown) {
                fail(path.key("service"), "every server of service '\(serviceName)' is down; at least one must take traffic")
            }
            upstreams[name] = GatewayUpstream(name: name, service: serviceName, port: portName, servers: servers)
            return name
        }

        /// Adds the location(s) of `route`.
        mutating func add(_ route: Route) {
            let path = FieldPath.root.key("gateway").key("routes").name(route.name)
            let upstream = upstream(service: route.service, port: route.port, at: path)
            guard NginxToken.isSafeName(route.name) else {
                fail(path.key("name"), "'\(route.name)' is not a DNS label; use lower-case letters, digits and '-'")
                return
            }
            guard NginxToken.isSafePath(route.path) else {
                fail(path.key("path"), "'\(route.path)' is not a plain URI path; write '/' and letters, digits, '-', '.', '_', '~' or '/', without '//', '.' or '..' segments")
                return
            }
            guard let upstream else { return }
            switch route.effectiveMatch {
            case .exact:
                claim(.exact, route.path, route: route, upstream: upstream, at: path)
            case .prefix:
                let base = route.path.hasSuffix("/") ? String(route.path.dropLast()) : route.path
                claim(.prefix, base + "/", route: route, upstream: upstream, at: path)
                // `= /auth` serves `/auth` itself; an exact route on the same path takes precedence.
                let exactTaken = spec.gateway.routes.contains { $0.effectiveMatch == .exact && $0.path == base }
                if !base.isEmpty, !exactTaken {
                    claim(.exact, base, route: route, upstream: upstream, at: path)
                }
            }
        }

        private mutating func claim(_ modifier: GatewayLocation.Modifier, _ uri: String, route: Route, upstream: String, at path: FieldPath) {
            let location = GatewayLocation(route: route.name, modifier: modifier, path: uri, upstream: upstream, isPublic: route.isPublic)
            if modifier == .exact, GatewayRouting.reservedExactPaths.contains(uri) {
                fail(path.key("path"), "'\(uri)' is served by the gateway itself; choose another path")
                return
            }
            if let owner = owners[location.matchText] {
                fail(path.key("path"), "'location \(location.matchText)' is already generated by route '\(owner)'; give each route its own path")
                return
            }
            owners[location.matchText] = route.name
            locations.append(location)
        }
    }
}
