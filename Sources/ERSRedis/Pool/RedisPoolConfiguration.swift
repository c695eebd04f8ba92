/// Sizes and timeouts of a ``RedisConnectionPool``.
public struct RedisPoolConfiguration: Sendable, Hashable {
    /// Most connections open at once (default 8); each carries many pipelined commands.
    public var maximumConnections: Int
    /// Limit for TCP connect plus TLS handshake (default 2 s).
    public var connectTimeout: Duration
    /// Limit for one command's reply (default 2 s).
    public var commandTimeout: Duration

    /// Creates a configuration; values below 1 connection are raised to 1.
    public init(maximumConnections: Int = 8, connectTimeout: Duration = .seconds(2), commandTimeout: Duration = .seconds(2)) {
        self.maximumConnections = max(1, maximumConnections)
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
    }
}
