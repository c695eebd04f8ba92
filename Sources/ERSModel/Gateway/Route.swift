/// A gateway route (`gateway.routes[]`): requests whose path matches go to a service's port.
public struct Route: Sendable, Hashable, Codable {
    /// Route name (DNS-1123 label), unique among routes.
    public var name: String
    /// The path, starting with `/`.
    public var path: String
    /// `prefix` (default; segment-wise like Gateway API `PathPrefix`) or `exact`.
    public var match: PathMatch?
    /// The target service's name.
    public var service: String
    /// The target service's port name.
    public var port: String
    /// Public routes skip `auth_request` (login, health); every other route is protected.
    public var `public`: Bool?

    /// Creates a route.
    public init(name: String, path: String, match: PathMatch? = nil, service: String, port: String, public: Bool? = nil) {
        self.name = name
        self.path = path
        self.match = match
        self.service = service
        self.port = port
        self.public = `public`
    }

    /// Whether requests skip authentication.
    public var isPublic: Bool { self.public ?? false }
    /// `match` or its default, `prefix`.
    public var effectiveMatch: PathMatch { match ?? .prefix }
}

/// How a route's path matches.
public enum PathMatch: String, Sendable, Hashable, Codable, CaseIterable {
    case prefix
    case exact
}
