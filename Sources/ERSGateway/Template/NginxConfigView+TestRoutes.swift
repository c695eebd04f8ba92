import ERSModel

extension NginxConfigView {
    /// A test route ready for the template, with the upstream it takes over and the variable
    /// the route locations then `proxy_pass` to.
    struct RoutedUpstream {
        var upstream: String
        var variable: String
        var view: TestRouteView
    }

    /// The views of `testRoutes` for every routed upstream of their services, sorted by
    /// upstream name. Problems (a service the gateway does not route to, no server taking
    /// traffic, names nginx cannot match) are appended to `diagnostics`.
    static func testRouteViews(
        spec: SystemSpec, routing: GatewayRouting, testRoutes: [String: GatewayTestRoute], diagnostics: inout [Diagnostic]
    ) -> [RoutedUpstream] {
        var result: [RoutedUpstream] = []
        for (service, route) in testRoutes.sorted(by: { $0.key < $1.key }) {
            let path = FieldPath([.key("services"), .name(service), .key("rollout"), .key("testRouting")])
            let upstreams = routing.upstreams.filter { $0.service == service }
            var problems: [String] = []
            if upstreams.isEmpty { problems.append("the gateway routes nothing to service '\(service)'") }
            if route.header == nil && route.cookie == nil { problems.append("neither a header nor a cookie is set") }
            if route.servers.isEmpty || route.servers.allSatisfy(\.isDown) { problems.append("no test server takes traffic") }
            for server in route.servers where !isHostPort(server.address) || (server.weight.map { $0 < 1 } ?? false) {
                problems.append("test server '\(server.parameters)' is not host:port with a weight of at least 1")
            }
            if let header = route.header, !isMatchName(header.name, extra: "-") || !isMatchValue(header.value) {
                problems.append("header '\(header.name): \(header.value)' cannot be matched (name: letters, digits, '-'; value: letters, digits, '.', '_', '~', '-')")
            }
            if let cookie = route.cookie, !isMatchName(cookie.name, extra: "_") || !isMatchValue(cookie.value) {
                problems.append("cookie '\(cookie.name)=\(cookie.value)' cannot be matched (name: letters, digits, '_'; value: letters, digits, '.', '_', '~', '-')")
            }
            guard problems.isEmpty else {
                diagnostics.append(.error(path, problems.joined(separator: "; ")))
                continue
            }
            for upstream in upstreams {
                let variable = "$ers_route_" + upstream.name.replacingOccurrences(of: "-", with: "_")
                let testUpstream = GatewayTestRoute.upstreamName(of: upstream.name)
                var maps: [MapView] = []
                var conditions: [String] = []
                if let header = route.header {
                    let source = "$http_" + header.name.lowercased().replacingOccurrences(of: "-", with: "_")
                    let target = route.cookie == nil ? variable : variable + "_header"
                    maps.append(MapView(source: source, variable: target, fallback: upstream.name, key: "\\" + header.value, target: testUpstream))
                    conditions.append("header \(header.name): \(header.value)")
                }
                if let cookie = route.cookie {
                    let fallback = route.header == nil ? upstream.name : variable + "_header"
                    maps.append(MapView(source: "$cookie_" + cookie.name, variable: variable, fallback: fallback, key: "\\" + cookie.value, target: testUpstream))
                    conditions.append("cookie \(cookie.name)=\(cookie.value)")
                }
                let view = TestRouteView(
                    service: service, condition: conditions.joined(separator: " or "),
                    upstream: UpstreamView(name: testUpstream, servers: route.servers.map(\.parameters)), maps: maps)
                result.append(RoutedUpstream(upstream: upstream.name, variable: variable, view: view))
            }
        }
        return result.sorted { $0.upstream < $1.upstream }
    }

    private static func isHostPort(_ address: String) -> Bool {
        let parts = address.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && NginxToken.isSafeName(String(parts[0])) && Int(parts[1]).map { (1...65535).contains($0) } ?? false
    }

    private static func isMatchName(_ name: String, extra: Character) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == extra) }
    }

    private static func isMatchValue(_ value: String) -> Bool {
        !value.isEmpty && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._~-".contains($0)) }
    }
}
