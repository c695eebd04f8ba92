/// What the gateway routes where: the upstreams and locations derived from `spec.gateway` for
/// one target. Independent of the template, so tests, the compose renderer's cross-checks and the
/// rollout executor can look at the routing without parsing nginx config.
public struct GatewayRouting: Sendable, Hashable {
    /// The port nginx listens on: the `containerPort` of the gateway service's `gateway.port`.
    public var listenPort: Int
    /// One upstream per routed service port and the auth service's port, sorted by name.
    public var upstreams: [GatewayUpstream]
    /// The upstream `auth_request` subrequests go to.
    public var authUpstream: String
    /// The auth service's verify path (`gateway.auth.verifyPath`).
    public var verifyPath: String
    /// The route locations, longest path first (nginx's own precedence for prefixes).
    public var locations: [GatewayLocation]

    /// Creates routing from its parts.
    public init(listenPort: Int, upstreams: [GatewayUpstream], authUpstream: String, verifyPath: String, locations: [GatewayLocation]) {
        self.listenPort = listenPort
        self.upstreams = upstreams
        self.authUpstream = authUpstream
        self.verifyPath = verifyPath
        self.locations = locations
    }

    /// Whether a route covers `/` itself, so the config needs no catch-all 404 location.
    public var routesRoot: Bool {
        locations.contains { $0.modifier == .prefix && $0.path == "/" }
    }

    /// Locations the config itself declares; a route generating one of them is an error.
    public static let reservedExactPaths: Set<String> = ["/healthz", "/_auth"]
}
