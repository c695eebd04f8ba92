/// Sessions in this process's memory, for a single replica without Redis (`REDIS_URL`
/// unset). Another replica would not see them, and they end when the process restarts;
/// `/ready` says so.
public actor InMemorySessionStore: SessionStore {
    private var sessions: [String: (session: Session, expires: ContinuousClock.Instant)] = [:]

    /// An empty store.
    public init() {}

    /// Stores the session until `lifetime` has passed.
    public func create(jti: String, session: Session, lifetime: Duration) {
        let now = ContinuousClock.now
        if sessions.count > 10_000 { sessions = sessions.filter { $0.value.expires > now } }
        sessions[jti] = (session, now + lifetime)
    }

    /// The live session of `jti`, nil when absent or expired.
    public func find(jti: String) -> Session? {
        guard let entry = sessions[jti] else { return nil }
        guard entry.expires > ContinuousClock.now else {
            sessions[jti] = nil
            return nil
        }
        return entry.session
    }

    /// Removes the session of `jti`; true when it existed.
    public func revoke(jti: String, username: String) -> Bool {
        sessions.removeValue(forKey: jti) != nil
    }

    /// Removes every session of `username`; how many there were.
    public func revokeAll(username: String) -> Int {
        let before = sessions.count
        sessions = sessions.filter { $0.value.session.username != username }
        return before - sessions.count
    }
}
