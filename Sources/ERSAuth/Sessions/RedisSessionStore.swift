public import ERSRedis
import Foundation

/// Sessions in Redis, shared by every replica: `session:<jti>` holds the session as JSON with
/// a TTL equal to the token's lifetime (so the session ends with the token), and
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

    public func create(jti: String, session: Session, lifetime: Duration) async throws {
        let json = String(decoding: try JSONEncoder().encode(session), as: UTF8.self)
        try await redis.set(Self.key(jti), to: json, expiresIn: lifetime)
        try await redis.addToSet(Self.userKey(session.username), member: jti, keepFor: lifetime)
    }

    public func find(jti: String) async throws -> Session? {
        guard let json = try await redis.get(Self.key(jti)) else { return nil }
        return try? JSONDecoder().decode(Session.self, from: Data(json.utf8))
    }

    public func revoke(jti: String, username: String) async throws -> Bool {
        let removed = try await redis.delete([Self.key(jti)])
        try await redis.removeFromSet(Self.userKey(username), member: jti)
        return removed > 0
    }

    public func revokeAll(username: String) async throws -> Int {
        let jtis = try await redis.members(of: Self.userKey(username))
        let removed = try await redis.delete(jtis.map(Self.key))
        try await redis.delete([Self.userKey(username)])
        return removed
    }
}
