/// One `server` of an nginx upstream (nginx docs, ngx_http_upstream_module, `server`): an
/// address with an optional weight, or marked `down`.
public struct UpstreamServer: Sendable, Hashable {
    /// `host:port`: a host name or IPv4 address and a TCP port.
    public var address: String
    /// Relative share of requests (1 or more; nginx's default is 1 and it rejects 0: use
    /// ``isDown`` for a server that must get no traffic).
    public var weight: Int?
    /// Whether the server takes no requests (`down`), e.g. the idle version of a canary.
    public var isDown: Bool

    /// Creates a server.
    public init(address: String, weight: Int? = nil, isDown: Bool = false) {
        self.address = address
        self.weight = weight
        self.isDown = isDown
    }

    /// The `server` directive's parameters: `10.0.0.7:8080 weight=9` or `10.0.0.8:8080 down`.
    public var parameters: String {
        var text = address
        if let weight { text += " weight=\(weight)" }
        if isDown { text += " down" }
        return text
    }
}
