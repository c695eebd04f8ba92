/// Requests that always reach the new version (`rollout.testRouting`): those carrying the
/// header or the cookie with the given value, whatever the weights. Blue-green previews and
/// canary tests use it; with both set, either one matches.
///
/// Kubernetes: a rule of its own in the canary's HTTPRoute (header match; cookies are matched
/// as a `Cookie` header regular expression), `canary-by-header` / `canary-by-cookie` with
/// ingress-nginx. Host: an nginx `map` that sends matching requests to an upstream with only
/// the new version. Values match exactly (nginx compares them case-insensitively).
public struct TestRouting: Sendable, Hashable, Codable {
    /// A request header and the value that selects the new version, e.g. `X-ERS-Canary: always`.
    public var header: TestRouteMatch?
    /// A cookie and the value that selects the new version, e.g. `ers_canary=always`.
    public var cookie: TestRouteMatch?

    /// Creates test routing.
    public init(header: TestRouteMatch? = nil, cookie: TestRouteMatch? = nil) {
        self.header = header
        self.cookie = cookie
    }
}
