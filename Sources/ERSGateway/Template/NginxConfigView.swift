/// The template's context: plain strings, numbers, flags and lists, named as the template uses
/// them (swift-mustache reads stored properties by name through `Mirror`). Every string in it is
/// already a safe nginx token (see `NginxToken`), so the template writes it unquoted.
struct NginxConfigView {
    struct RateLimitView {
        var requestsPerSecond: Int
        var burst: Int
    }

    struct UpstreamView {
        var name: String
        var servers: [String]
    }

    /// One `map` from a request value to the upstream that serves it.
    struct MapView {
        /// The source variable, e.g. `$http_x_ers_canary`.
        var source: String
        /// The variable set, e.g. `$ers_route_collection_http`.
        var variable: String
        /// What it is when nothing matches: an upstream name or another variable.
        var fallback: String
        /// The value that matches, escaped with a leading `\` (so no value reads as a regex or
        /// a map keyword).
        var key: String
        /// The upstream for matching requests.
        var target: String
    }

    struct TestRouteView {
        var service: String
        var condition: String
        var upstream: UpstreamView
        var maps: [MapView]
    }

    struct LocationView {
        var route: String
        var modifier: String
        var path: String
        var upstream: String
        var isPublic: Bool
    }

    var system: String
    var environment: String
    var targetDescription: String
    var configGeneration: String
    var workerProcesses: String
    var pidPath: String
    var errorLog: String
    var accessLog: String
    var tempRoot: String
    var clientMaxBodySize: String
    var rateLimit: RateLimitView?
    var trustedProxies: [String]
    /// Stored, not computed: templates see stored properties only.
    var hasTrustedProxies: Bool
    var connectTimeout: String
    var sendTimeout: String
    var readTimeout: String
    var upstreams: [UpstreamView]
    var testRoutes: [TestRouteView]
    var listenPort: Int
    var authUpstream: String
    var verifyPath: String
    var locations: [LocationView]
    var notFoundFallback: Bool
}
