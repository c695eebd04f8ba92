/// Where sessions live, keyed by the token's `jti`.
public protocol SessionStore: Sendable {
    /// Stores `session` for `jti`, to expire after `lifetime` (the token's lifetime).
    /// - Throws: the store's error.
    func create(jti: String, session: Session, lifetime: Duration) async throws
    /// The session of `jti`, nil when revoked or expired.
    /// - Throws: the store's error (verify then answers 503: fail closed).
    func find(jti: String) async throws -> Session?
    /// Ends the session of `jti`; true when it existed.
    /// - Throws: the store's error.
    func revoke(jti: String, username: String) async throws -> Bool
    /// Ends every session of `username` (when the user is disabled); how many ended.
    /// - Throws: the store's error.
    func revokeAll(username: String) async throws -> Int
}
