public import NIOCore
import NIOConcurrencyHelpers

/// One open connection to a Redis server, authenticated and on the configured database.
/// Commands may be sent concurrently: they are pipelined and answered in order.
public final class RedisConnection: Sendable {
    /// The server's `host:port`.
    public let address: String
    let channel: any Channel

    init(channel: any Channel, address: String) {
        self.channel = channel
        self.address = address
    }

    /// Whether the connection can still carry commands.
    public var isActive: Bool { channel.isActive }

    /// Sends `command` and waits for its reply at most `timeout`.
    ///
    /// On a timeout the connection is closed (a late reply would be taken for the next
    /// command's). An error reply is returned as ``RESPValue/error(_:)``, not thrown.
    /// - Throws: ``RedisError/timeout(address:command:timeout:)``,
    ///   ``RedisError/connectionClosed(address:command:)``, ``RedisError/protocolViolation(_:)``.
    public func send(_ command: RedisCommand, timeout: Duration) async throws -> RESPValue {
        let eventLoop = channel.eventLoop
        let promise = eventLoop.makePromise(of: RESPValue.self)
        let channel = self.channel
        let address = self.address
        let nanoseconds = Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<RESPValue, any Error>) in
            let resumed = NIOLockedValueBox(false)
            let resumeOnce: @Sendable (Result<RESPValue, any Error>) -> Void = { result in
                let first = resumed.withLockedValue { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(with: result) }
            }
            let timer = eventLoop.scheduleTask(in: .nanoseconds(nanoseconds)) {
                resumeOnce(.failure(RedisError.timeout(address: address, command: command.name, timeout: timeout)))
                channel.close(promise: nil)
            }
            promise.futureResult.whenComplete { result in
                timer.cancel()
                resumeOnce(result)
            }
            channel.writeAndFlush(RedisRequest(command: command, promise: promise)).whenFailure { error in
                promise.fail(RedisError.connectionClosed(address: address, command: command.name))
            }
        }
    }

    /// Closes the connection; outstanding commands fail.
    public func close() async {
        try? await channel.close()
    }
}
