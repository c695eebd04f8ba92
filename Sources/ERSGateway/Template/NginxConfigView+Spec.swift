import ERSModel

extension NginxConfigView {
    /// nginx's own default for `client_max_body_size` (1 MiB), used when the spec sets none.
    static let defaultClientMaxBodySize = 1 << 20

    /// The view of `spec` with `routing` and `paths`; `configGeneration` is filled in later.
    ///
    /// - Throws: ``GatewayRenderError`` for values nginx would reject or misread (a body size
    ///   that is not a positive whole number of bytes, a non-positive rate or timeout, an
    ///   unsafe path).
    static func make(
        spec: SystemSpec, routing: GatewayRouting, target: GatewayTarget, paths: NginxPaths, testRoutes: [String: GatewayTestRoute] = [:]
    ) throws(GatewayRenderError) -> NginxConfigView {
        let gateway = spec.gateway
        let gatewayPath = FieldPath.root.key("gateway")
        var diagnostics: [Diagnostic] = []

        var bodySize = defaultClientMaxBodySize
        if let quantity = gateway.clientMaxBodySize {
            if let bytes = quantity.exactWholeUnits, bytes > 0 {
                bodySize = bytes
            } else {
                diagnostics.append(.error(gatewayPath.key("clientMaxBodySize"), "'\(quantity)' is not a positive whole number of bytes; write e.g. 10Mi (0 would switch nginx's size check off)"))
            }
        }
        if let rate = gateway.rateLimit {
            if rate.requestsPerSecond < 1 {
                diagnostics.append(.error(gatewayPath.key("rateLimit").key("requestsPerSecond"), "must be at least 1 (is \(rate.requestsPerSecond))"))
            }
            if rate.burst < 0 {
                diagnostics.append(.error(gatewayPath.key("rateLimit").key("burst"), "must be 0 or more (is \(rate.burst))"))
            }
        }
        let timeouts = gateway.timeouts ?? GatewayTimeouts()
        let connect = timeouts.connectSeconds ?? 5, send = timeouts.sendSeconds ?? 60, read = timeouts.readSeconds ?? 60
        for (field, value) in [("connectSeconds", connect), ("sendSeconds", send), ("readSeconds", read)] where value < 1 {
            diagnostics.append(.error(gatewayPath.key("timeouts").key(field), "must be at least 1 second (is \(value))"))
        }
        for (name, path) in [("pidFile", paths.pidFile), ("tempDirectory", paths.tempDirectory), ("accessLog", paths.accessLog), ("errorLog", paths.errorLog)]
        where !NginxToken.isSafePath(path) {
            diagnostics.append(.error(FieldPath.root.key("paths").key(name), "'\(path)' is not a plain absolute path"))
        }
        if !NginxToken.isSafeName(spec.name) || !NginxToken.isSafeName(spec.environment) {
            diagnostics.append(.error(FieldPath.root.key("name"), "system name '\(spec.name)' or environment '\(spec.environment)' is not a DNS label"))
        }
        for (index, cidr) in (gateway.trustedProxies ?? []).enumerated() where !NginxToken.isSafePath("/" + cidr) {
            diagnostics.append(.error(gatewayPath.key("trustedProxies").index(index), "'\(cidr)' is not a CIDR"))
        }
        let routed = testRouteViews(spec: spec, routing: routing, testRoutes: testRoutes, diagnostics: &diagnostics)
        guard diagnostics.isEmpty else { throw GatewayRenderError(diagnostics: diagnostics) }
        let routedUpstreams = Dictionary(routed.map { ($0.upstream, $0.variable) }, uniquingKeysWith: { first, _ in first })

        let cpuLimit = spec.service(named: gateway.service)?.resources?.limits?.cpu
        return NginxConfigView(
            system: spec.name,
            environment: spec.environment,
            targetDescription: target.summary,
            configGeneration: "",
            workerProcesses: cpuLimit.flatMap(\.wholeUnitsRoundedUp).map { "\(max($0, 1))" } ?? "auto",
            pidPath: paths.pidFile,
            errorLog: paths.errorLog,
            accessLog: paths.accessLog,
            tempRoot: paths.tempDirectory,
            clientMaxBodySize: NginxSize.text(bytes: bodySize),
            rateLimit: gateway.rateLimit.map { RateLimitView(requestsPerSecond: $0.requestsPerSecond, burst: $0.burst) },
            trustedProxies: gateway.trustedProxies ?? [],
            hasTrustedProxies: !(gateway.trustedProxies ?? []).isEmpty,
            connectTimeout: "\(connect)s",
            sendTimeout: "\(send)s",
            readTimeout: "\(read)s",
            upstreams: routing.upstreams.map { UpstreamView(name: $0.name, servers: $0.servers.map(\.parameters)) },
            testRoutes: routed.map(\.view),
            listenPort: routing.listenPort,
            authUpstream: routing.authUpstream,
            verifyPath: routing.verifyPath,
            locations: routing.locations.map { location in
                LocationView(
                    route: location.route, modifier: location.modifier == .exact ? "= " : "",
                    path: location.path, upstream: routedUpstreams[location.upstream] ?? location.upstream, isPublic: location.isPublic)
            },
            notFoundFallback: !routing.routesRoot
        )
    }
}
