public import ERSModel

/// Test routing of one service in the rendered gateway (a release's `testRouting`): requests
/// with the header or cookie go to an upstream of their own holding only the new version, all
/// others to the service's weighted upstream.
///
/// Rendered as a second upstream `<service>_<port>_test` and an nginx `map` (nginx docs,
/// ngx_http_map_module) from `$http_<header>` / `$cookie_<name>` to the upstream's name, which
/// the route's `proxy_pass` uses: nginx picks an upstream group by a variable's value without
/// a resolver. nginx compares the values case-insensitively. `$proxy_host` (the access log's
/// `upstream`) names the group that served.
public struct GatewayTestRoute: Sendable, Hashable {
    /// The new version's servers (at least one not `down`).
    public var servers: [UpstreamServer]
    /// The header and value that select them.
    public var header: TestRouteMatch?
    /// The cookie and value that select them.
    public var cookie: TestRouteMatch?

    /// Creates test routing.
    public init(servers: [UpstreamServer], header: TestRouteMatch? = nil, cookie: TestRouteMatch? = nil) {
        self.servers = servers
        self.header = header
        self.cookie = cookie
    }

    /// The name of the test upstream of `upstream`: `<upstream>_test`.
    public static func upstreamName(of upstream: String) -> String { "\(upstream)_test" }
}
