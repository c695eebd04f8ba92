/// Why a Redis operation failed. Every message says what happened, where (the server's
/// address, never a password) and what to check.
public enum RedisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No TCP (or TLS) connection could be made to `address`.
    case connectionFailed(address: String, reason: String)
    /// The connection closed before the reply to `command` arrived (server restart, network).
    case connectionClosed(address: String, command: String)
    /// No reply to `command` within `timeout`; the connection was closed.
    case timeout(address: String, command: String, timeout: Duration)
    /// The server rejected the credentials (`WRONGPASS`, `NOAUTH`, …).
    case authenticationFailed(address: String, user: String?, reply: String)
    /// The server answered `command` with an error reply.
    case server(command: String, reply: String)
    /// The server sent bytes that are not RESP2.
    case protocolViolation(String)
    /// The reply to `command` had an unexpected shape.
    case unexpectedReply(command: String, reply: String)
    /// The pool was shut down.
    case poolClosed

    /// The message.
    public var description: String {
        switch self {
        case .connectionFailed(let address, let reason):
            "redis: cannot connect to \(address): \(reason); check that Redis runs there and that REDIS_URL names the right host and port"
        case .connectionClosed(let address, let command):
            "redis: the connection to \(address) closed before the reply to \(command) (server restarted or network failure); retry"
        case .timeout(let address, let command, let timeout):
            "redis: no reply to \(command) from \(address) within \(timeout); the server is overloaded or unreachable"
        case .authenticationFailed(let address, let user, let reply):
            "redis: \(address) refused the credentials of user '\(user ?? "default")' (\(reply)); check the user in REDIS_URL and the password in REDIS_PASSWORD_FILE"
        case .server(let command, let reply):
            "redis: \(command) failed: \(reply)"
        case .protocolViolation(let detail):
            "redis: protocol violation: \(detail)"
        case .unexpectedReply(let command, let reply):
            "redis: unexpected reply to \(command): \(reply)"
        case .poolClosed:
            "redis: the connection pool is shut down; no more commands are accepted"
        }
    }
}
