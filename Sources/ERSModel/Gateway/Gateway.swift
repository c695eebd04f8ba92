/// The nginx API gateway (`gateway:`): the service that runs nginx, its routes to the other
/// services, `auth_request` to the auth service, limits, and how traffic reaches it.
public struct Gateway: Sendable, Hashable, Codable {
    /// The service (in `services`) that runs nginx.
    public var service: String
    /// The gateway service's port (name) nginx listens on.
    public var port: String
    /// The auth service's verify endpoint, for `auth_request` on protected routes.
    public var auth: GatewayAuth
    /// The routes, matched longest path first.
    public var routes: [Route]
    /// Largest request body nginx accepts (`client_max_body_size`), in bytes (e.g. `10Mi`).
    public var clientMaxBodySize: Quantity?
    /// Per-client-address request rate limit.
    public var rateLimit: RateLimit?
    /// Proxy timeouts.
    public var timeouts: GatewayTimeouts?
    /// How traffic from outside the cluster reaches the gateway.
    public var exposure: GatewayExposure?
    /// CIDRs of the proxies in front of the gateway (ingress controller, Gateway data plane,
    /// load balancer) whose `X-Forwarded-For` nginx trusts to find the client address for rate
    /// limits and logs (`set_real_ip_from`); empty trusts none, so behind a proxy every client
    /// shares the proxy's address.
    public var trustedProxies: [String]?

    /// Creates a gateway.
    public init(
        service: String, port: String, auth: GatewayAuth, routes: [Route], clientMaxBodySize: Quantity? = nil,
        rateLimit: RateLimit? = nil, timeouts: GatewayTimeouts? = nil, exposure: GatewayExposure? = nil,
        trustedProxies: [String]? = nil
    ) {
        self.service = service
        self.port = port
        self.auth = auth
        self.routes = routes
        self.clientMaxBodySize = clientMaxBodySize
        self.rateLimit = rateLimit
        self.timeouts = timeouts
        self.exposure = exposure
        self.trustedProxies = trustedProxies
    }
}

/// Where nginx sends `auth_request` subrequests.
public struct GatewayAuth: Sendable, Hashable, Codable {
    /// The auth service's name.
    public var service: String
    /// The auth service's port name.
    public var port: String
    /// The verify path, e.g. `/auth/verify`.
    public var verifyPath: String

    /// Creates the auth target.
    public init(service: String, port: String, verifyPath: String) {
        self.service = service
        self.port = port
        self.verifyPath = verifyPath
    }
}

/// nginx `limit_req`: a rate per client address and a burst.
public struct RateLimit: Sendable, Hashable, Codable {
    /// Requests per second per client address.
    public var requestsPerSecond: Int
    /// Requests above the rate that are still accepted (queued without delay).
    public var burst: Int

    /// Creates a limit.
    public init(requestsPerSecond: Int, burst: Int) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }
}

/// Proxy timeouts, in seconds.
public struct GatewayTimeouts: Sendable, Hashable, Codable {
    /// `proxy_connect_timeout` (default 5).
    public var connectSeconds: Int?
    /// `proxy_send_timeout` (default 60).
    public var sendSeconds: Int?
    /// `proxy_read_timeout` (default 60).
    public var readSeconds: Int?

    /// Creates timeouts.
    public init(connectSeconds: Int? = nil, sendSeconds: Int? = nil, readSeconds: Int? = nil) {
        self.connectSeconds = connectSeconds
        self.sendSeconds = sendSeconds
        self.readSeconds = readSeconds
    }
}

/// How the gateway is reached from outside the cluster.
public struct GatewayExposure: Sendable, Hashable, Codable {
    /// Gateway API `HTTPRoute` (default) or `Ingress`.
    public var kind: ExposureKind
    /// Host names, e.g. `reports.example.com`.
    public var hostnames: [String]
    /// `HTTPRoute` parents: the shared Gateway(s) the route attaches to.
    public var parentRefs: [ParentReference]?
    /// `Ingress` class.
    public var ingressClassName: String?
    /// Secret with the TLS certificate, for `Ingress`.
    public var tlsSecretName: String?

    /// Creates an exposure.
    public init(
        kind: ExposureKind, hostnames: [String], parentRefs: [ParentReference]? = nil,
        ingressClassName: String? = nil, tlsSecretName: String? = nil
    ) {
        self.kind = kind
        self.hostnames = hostnames
        self.parentRefs = parentRefs
        self.ingressClassName = ingressClassName
        self.tlsSecretName = tlsSecretName
    }
}

/// The closed set of exposures.
public enum ExposureKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Gateway API `HTTPRoute` (`gateway.networking.k8s.io/v1`).
    case httpRoute
    /// `networking.k8s.io/v1` Ingress.
    case ingress
}

/// A Gateway API `ParentReference`.
public struct ParentReference: Sendable, Hashable, Codable {
    /// The Gateway's name.
    public var name: String
    /// The Gateway's namespace (default: the route's).
    public var namespace: String?
    /// The listener's name.
    public var sectionName: String?

    /// Creates a reference.
    public init(name: String, namespace: String? = nil, sectionName: String? = nil) {
        self.name = name
        self.namespace = namespace
        self.sectionName = sectionName
    }
}
