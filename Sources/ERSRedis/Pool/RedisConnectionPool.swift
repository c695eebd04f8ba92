public import Logging
public import NIOCore
import NIOConcurrencyHelpers
public import NIOPosix

/// Connections to one Redis server, shared by every caller.
///
/// Redis answers the commands of one connection in order, so a connection can carry many
/// callers' commands at once (pipelining); the pool spreads commands over up to
/// ``RedisPoolConfiguration/maximumConnections`` connections round-robin, without waiting for a
/// connection to be free. Connections are opened on demand; one that closed (server restart,
/// timeout, network) is dropped and replaced, so the pool recovers by itself once the server
/// is back. Commands that block the server-side connection (`BLPOP`, `SUBSCRIBE`) must not be
/// sent through it.
public final class RedisConnectionPool: Sendable {
    /// Pool figures, for metrics.
    public struct Statistics: Sendable, Hashable {
        /// Connections open.
        public var open: Int
        /// Connections being opened.
        public var connecting: Int
    }

    private struct State {
        var connections: [RedisConnection] = []
        var next = 0
        var connecting = 0
        var closed = false
        /// The connection attempt callers wait for when no connection is open.
        var first: Task<RedisConnection, any Error>?
    }

    /// The server, for messages (password redacted).
    public let url: RedisURL
    /// Sizes and timeouts.
    public let configuration: RedisPoolConfiguration
    private let connector: RedisConnector
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

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
        state.withLockedValue { Statistics(open: $0.connections.count, connecting: $0.connecting) }
    }

    private enum Choice {
        case use(RedisConnection, grow: Bool)
        case wait(Task<RedisConnection, any Error>)
        case closed
    }

    /// A connection for one command. `reused` tells whether it had served before (a reused
    /// connection may have been closed by a server restart without the pool noticing yet).
    /// - Throws: ``RedisError`` when no connection can be opened.
    func lease() async throws -> (connection: RedisConnection, reused: Bool) {
        let maximum = configuration.maximumConnections
        let choice = state.withLockedValue { state -> Choice in
            guard !state.closed else { return .closed }
            state.connections.removeAll { !$0.isActive }
            if !state.connections.isEmpty {
                state.next = (state.next + 1) % state.connections.count
                let grow = state.connections.count + state.connecting < maximum
                if grow { state.connecting += 1 }
                return .use(state.connections[state.next], grow: grow)
            }
            if let first = state.first { return .wait(first) }
            state.connecting += 1
            let first = Task { try await self.open(isFirst: true) }
            state.first = first
            return .wait(first)
        }
        switch choice {
        case .closed:
            throw RedisError.poolClosed
        case .use(let connection, let grow):
            if grow { Task { _ = try? await self.open(isFirst: false) } }
            return (connection, true)
        case .wait(let first):
            return (try await first.value, false)
        }
    }

    /// Opens a connection and adds it to the pool.
    private func open(isFirst: Bool) async throws -> RedisConnection {
        do {
            let connection = try await connector.connect()
            let closed = state.withLockedValue { state -> Bool in
                state.connecting -= 1
                if isFirst { state.first = nil }
                if !state.closed { state.connections.append(connection) }
                return state.closed
            }
            if closed {
                await connection.close()
                throw RedisError.poolClosed
            }
            return connection
        } catch let error as RedisError where error == .poolClosed {
            throw error
        } catch {
            state.withLockedValue { state in
                state.connecting -= 1
                if isFirst { state.first = nil }
            }
            logger.warning("redis connection failed", metadata: ["redis.server": "\(url.address)", "error": "\(error)"])
            throw error
        }
    }

    /// Drops `connection` from the pool when it has closed.
    func release(_ connection: RedisConnection) {
        guard !connection.isActive else { return }
        state.withLockedValue { state in state.connections.removeAll { $0 === connection } }
    }

    /// Closes every connection; outstanding commands fail, later ones fail with
    /// ``RedisError/poolClosed``.
    public func close() async {
        let connections = state.withLockedValue { state -> [RedisConnection] in
            state.closed = true
            defer { state.connections.removeAll() }
            return state.connections
        }
        for connection in connections { await connection.close() }
    }
}
