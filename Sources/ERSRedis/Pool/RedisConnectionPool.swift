public import Logging
public import NIOCore
public import NIOPosix

/// A bounded pool of connections to one Redis server.
///
/// Connections are opened on demand up to ``RedisPoolConfiguration/maximumConnections`` and
/// reused; a connection that closed (server restart, timeout, network) is dropped and a new
/// one is opened for the next command, so the pool recovers by itself once the server is back.
/// When every connection is busy, callers wait at most ``RedisPoolConfiguration/leaseTimeout``.
public actor RedisConnectionPool {
    /// Pool figures, for metrics.
    public struct Statistics: Sendable, Hashable {
        /// Connections open (idle and leased).
        public var open: Int
        /// Connections open and unused.
        public var idle: Int
        /// Callers waiting for a connection.
        public var waiting: Int
    }

    /// The server, for messages (password redacted).
    public nonisolated let url: RedisURL
    /// Sizes and timeouts.
    public nonisolated let configuration: RedisPoolConfiguration
    private let connector: RedisConnector
    private let logger: Logger
    private var idle: [RedisConnection] = []
    private var open = 0
    private var waiters: [(id: Int, continuation: CheckedContinuation<RedisConnection?, any Error>)] = []
    private var nextWaiterID = 0
    private var closed = false

    /// Creates a pool; no connection is opened until the first command.
    /// - Throws: ``RedisError/connectionFailed(address:reason:)`` when the TLS context for a
    ///   `rediss://` URL cannot be built.
    public init(url: RedisURL, configuration: RedisPoolConfiguration = .init(),
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger) throws(RedisError) {
        self.url = url
        self.configuration = configuration
        self.logger = logger
        self.connector = try RedisConnector(url: url, connectTimeout: configuration.connectTimeout,
                                            commandTimeout: configuration.commandTimeout, group: group)
    }

    /// Current figures.
    public var statistics: Statistics {
        Statistics(open: open, idle: idle.count, waiting: waiters.count)
    }

    /// A connection for one command; give it back with ``release(_:)``. `reused` tells whether
    /// it had served before (a reused connection may have been closed by a server restart
    /// without the pool noticing yet).
    /// - Throws: ``RedisError`` when no connection can be opened or none frees up in time.
    func lease() async throws -> (connection: RedisConnection, reused: Bool) {
        while true {
            guard !closed else { throw RedisError.poolClosed }
            while let connection = idle.popLast() {
                if connection.isActive { return (connection, true) }
                open -= 1
            }
            if open < configuration.maximumConnections {
                open += 1
                do {
                    let connection = try await connector.connect()
                    if closed {
                        open -= 1
                        await connection.close()
                        throw RedisError.poolClosed
                    }
                    return (connection, false)
                } catch {
                    open -= 1
                    wakeOneWaiter()
                    logger.warning("redis connection failed", metadata: ["redis.server": "\(url.address)", "error": "\(error)"])
                    throw error
                }
            }
            let id = nextWaiterID
            nextWaiterID += 1
            let timeout = configuration.leaseTimeout
            let timer = Task { [weak self] in
                try await Task.sleep(for: timeout)
                await self?.expireWaiter(id)
            }
            defer { timer.cancel() }
            let handedOver = try await withCheckedThrowingContinuation { continuation in
                waiters.append((id, continuation))
            }
            if let handedOver { return (handedOver, true) }
            // nil: a slot freed up; loop and open a connection.
        }
    }

    /// Gives a leased connection back: kept when still open, dropped otherwise.
    func release(_ connection: RedisConnection) {
        guard !closed, connection.isActive else {
            open -= 1
            if connection.isActive { Task { await connection.close() } }
            wakeOneWaiter()
            return
        }
        if !waiters.isEmpty {
            waiters.removeFirst().continuation.resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    /// Closes every idle connection and fails waiting callers; leased connections close when
    /// given back. Later commands fail with ``RedisError/poolClosed``.
    public func close() async {
        closed = true
        let connections = idle
        idle.removeAll()
        open -= connections.count
        for waiter in waiters { waiter.continuation.resume(throwing: RedisError.poolClosed) }
        waiters.removeAll()
        for connection in connections { await connection.close() }
    }

    /// Lets the first waiter open a connection in a freed slot.
    private func wakeOneWaiter() {
        guard !waiters.isEmpty else { return }
        waiters.removeFirst().continuation.resume(returning: nil)
    }

    private func expireWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(throwing: RedisError.timeout(
            address: url.address, command: "waiting for a free connection (all \(configuration.maximumConnections) busy)",
            timeout: configuration.leaseTimeout))
    }
}
