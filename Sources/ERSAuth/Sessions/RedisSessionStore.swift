public import ERSRedis
import Foundation

/// Sessions in Redis, shared by every replica: `session:<jti>` holds the session as
/// `v1\n<user>\n<role,role>\n<exp>` (names and roles cannot contain a line break or a comma)
/// with a TTL equal to the token's lifetime (so the session ends with the token), and
/// `user-sessions:<user>` is the set of a user's `jti`s (kept as long as the newest session),
/// so disabling a user ends all of them.
public struct RedisSessionStore: SessionStore {
    let redis: RedisClient

    /// Sessions in `redis`.
    public init(redis: RedisClient) {
        self.redis = redis
    }

    static func key(_ jti: String) -> String { "session:" + jti }
    static func userKey(_ username: String) -> String { "user-sessions:" + username }

    /// Stores the session until `lifetime` has passed.
    public func create(jti: String, session: Session, lifetime: Duration) async throws {
        try await redis.set(Self.key(jti), to: Self.encode(session), expiresIn: lifetime)
        try await redis.addToSet(Self.userKey(session.username), member: jti, keepFor: lifetime)
    }

    /// The live session of `jti`, nil when absent or expired.
    public func find(jti: String) async throws -> Session? {
        guard let text = try await redis.get(Self.key(jti)) else { return nil }
        return Self.decode(text)
    }

    static func encode(_ session: Session) -> String {
        "v1\n\(session.username)\n\(session.roles.joined(separator: ","))\n\(session.expiresAt)"
    }

    /// The session in `text`; nil for anything else (treated as no session: fail closed).
    static func decode(_ text: String) -> Session? {
        let fields = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == "v1", !fields[1].isEmpty, let expiresAt = Int64(fields[3]) else { return nil }
        let roles = fields[2].isEmpty ? [] : fields[2].split(separator: ",").map(String.init)
        return Session(username: String(fields[1]), roles: roles, expiresAt: expiresAt)
    }

    /// Removes the session of `jti`; true when it existed.
    public func revoke(jti: String, username: String) async throws -> Bool {
        let removed = try await redis.delete([Self.key(jti)])
        try await redis.removeFromSet(Self.userKey(username), member: jti)
        return removed > 0
    }

    /// Removes every session of `username`; how many there were.
    public func revokeAll(username: String) async throws -> Int {
        let jtis = try await redis.members(of: Self.userKey(username))
        let removed = try await redis.delete(jtis.map(Self.key))
        try await redis.delete([Self.userKey(username)])
        return removed
    }
}
