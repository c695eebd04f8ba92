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
    var connectTimeout: String
    var sendTimeout: String
    var readTimeout: String
    var upstreams: [UpstreamView]
    var listenPort: Int
    var authUpstream: String
    var verifyPath: String
    var locations: [LocationView]
    var notFoundFallback: Bool
}
