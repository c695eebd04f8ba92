/// A rendered gateway config: the `nginx.conf` text, its generation and the routing it encodes.
public struct NginxConfig: Sendable, Hashable {
    /// The complete `nginx.conf` (UTF-8, ending with a newline).
    public var text: String
    /// The config generation: the first 16 hex digits of the SHA-256 of this config rendered
    /// with an empty generation. Any change of the spec, target, paths or template changes it.
    /// `GET /healthz` answers with it in `X-Config-Generation`, so after `nginx -s reload` a
    /// client can tell whether this config serves (a failed reload keeps the old one).
    public var generation: String
    /// The upstreams and locations written into ``text``.
    public var routing: GatewayRouting

    /// Creates a config.
    public init(text: String, generation: String, routing: GatewayRouting) {
        self.text = text
        self.generation = generation
        self.routing = routing
    }

    /// The response header that carries ``generation`` on `/healthz`.
    public static let generationHeader = "X-Config-Generation"
    /// The gateway's own health endpoint.
    public static let healthPath = "/healthz"
}
