/// An nginx `location` block for a route (nginx docs, ngx_http_core_module, `location`).
///
/// nginx picks an exact (`=`) match first, else the longest matching prefix, whatever the order
/// of the blocks. A prefix route `/auth` becomes `location /auth/` plus `location = /auth`, so it
/// matches `/auth` and `/auth/…` but not `/authx` (segment-wise, like Gateway API `PathPrefix`).
public struct GatewayLocation: Sendable, Hashable {
    /// How the location matches.
    public enum Modifier: String, Sendable, Hashable, CaseIterable {
        /// `location = /path`: this URI only.
        case exact
        /// `location /path/`: every URI starting with the path.
        case prefix
    }

    /// The route (in `gateway.routes`) this location serves.
    public var route: String
    /// Exact or prefix.
    public var modifier: Modifier
    /// The URI or URI prefix, e.g. `/auth/` or `/auth/login`.
    public var path: String
    /// The upstream's name (see ``GatewayUpstream/name``).
    public var upstream: String
    /// Whether the location skips `auth_request` (public routes).
    public var isPublic: Bool

    /// Creates a location.
    public init(route: String, modifier: Modifier, path: String, upstream: String, isPublic: Bool) {
        self.route = route
        self.modifier = modifier
        self.path = path
        self.upstream = upstream
        self.isPublic = isPublic
    }

    /// The location's parameters as written in the config: `= /auth` or `/auth/`.
    public var matchText: String { modifier == .exact ? "= \(path)" : path }
}
