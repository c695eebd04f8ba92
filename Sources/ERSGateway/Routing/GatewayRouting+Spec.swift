public import ERSModel

extension GatewayRouting {
    /// Derives the routing of `spec.gateway` for `target`.
    ///
    /// - Throws: ``GatewayRenderError`` listing every route or reference that cannot be
    ///   rendered: unknown services or ports, unsafe paths, two routes claiming the same
    ///   location, a route on a reserved path, a `.host` target without a port for a service.
    public init(spec: SystemSpec, target: GatewayTarget) throws(GatewayRenderError) {
        var builder = Builder(spec: spec, target: target)
        let gatewayPath = FieldPath.root.key("gateway")
        let listenPort = builder.port(spec.gateway.port, of: spec.gateway.service, at: gatewayPath)?.containerPort
        let authPath = gatewayPath.key("auth")
        let authUpstream = builder.upstream(service: spec.gateway.auth.service, port: spec.gateway.auth.port, at: authPath)
        let verifyPath = spec.gateway.auth.verifyPath
        if !NginxToken.isSafePath(verifyPath) {
            builder.fail(authPath.key("verifyPath"), "'\(verifyPath)' is not a plain URI path; write '/' and letters, digits, '-', '.', '_', '~' or '/', e.g. /auth/verify")
        }
        for route in spec.gateway.routes {
            builder.add(route)
        }
        guard builder.diagnostics.isEmpty, let listenPort, let authUpstream else {
            throw GatewayRenderError(diagnostics: builder.diagnostics)
        }
        self.init(
            listenPort: listenPort,
            upstreams: builder.upstreams.values.sorted { $0.name < $1.name },
            authUpstream: authUpstream,
            verifyPath: verifyPath,
            locations: builder.locations.sorted(by: GatewayRouting.precedes)
        )
    }

    /// Longer paths first, comparing a prefix location without its trailing `/` (so `= /auth`
    /// and `/auth/` stay together); for the same path the exact location first; then by text.
    static func precedes(_ lhs: GatewayLocation, _ rhs: GatewayLocation) -> Bool {
        let left = lhs.modifier == .prefix ? String(lhs.path.dropLast()) : lhs.path
        let right = rhs.modifier == .prefix ? String(rhs.path.dropLast()) : rhs.path
        if left.count != right.count { return left.count > right.count }
        if left != right { return left < right }
        return lhs.modifier == .exact && rhs.modifier == .prefix
    }
}
