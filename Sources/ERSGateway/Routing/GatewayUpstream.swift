/// An nginx `upstream` block (nginx docs, ngx_http_upstream_module): one port of one service,
/// as the gateway reaches it on its target.
public struct GatewayUpstream: Sendable, Hashable {
    /// The upstream's name in the config, `<service>_<port name>` (e.g. `collection_http`);
    /// `proxy_pass http://<name>` refers to it and `$proxy_host` logs it.
    public var name: String
    /// The service's name (in `spec.services`).
    public var service: String
    /// The name of the service's port (in the service's `ports`).
    public var port: String
    /// The servers (one per upstream for the Kubernetes, compose and host targets).
    public var servers: [UpstreamServer]

    /// Creates an upstream.
    public init(name: String, service: String, port: String, servers: [UpstreamServer]) {
        self.name = name
        self.service = service
        self.port = port
        self.servers = servers
    }

    /// The name for `port` of `service`: `<service>_<port>`.
    public static func name(service: String, port: String) -> String { "\(service)_\(port)" }
}
