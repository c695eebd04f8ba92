/// The commands ERS sends to Redis, over a ``RedisConnectionPool``.
///
/// A command that fails because a reused connection turned out to be closed (the server
/// restarted since it was last used) is sent once more on a new connection; every other
/// failure is thrown. Error replies become ``RedisError/server(command:reply:)``.
public struct RedisClient: Sendable {
    /// The pool commands go through.
    public let pool: RedisConnectionPool

    /// A client over `pool`.
    public init(pool: RedisConnectionPool) {
        self.pool = pool
    }

    /// Sends `command` and returns its reply; an error reply is thrown.
    /// - Throws: ``RedisError``.
    @discardableResult
    public func send(_ command: RedisCommand) async throws -> RESPValue {
        var attempt = 0
        while true {
            attempt += 1
            let (connection, reused) = try await pool.lease()
            do {
                let reply = try await connection.send(command, timeout: pool.configuration.commandTimeout)
                pool.release(connection)
                if case .error(let message) = reply { throw RedisError.server(command: command.name, reply: message) }
                return reply
            } catch RedisError.connectionClosed(let address, let name) {
                pool.release(connection)
                if reused && attempt == 1 { continue }
                throw RedisError.connectionClosed(address: address, command: name)
            } catch {
                pool.release(connection)
                throw error
            }
        }
    }
}
