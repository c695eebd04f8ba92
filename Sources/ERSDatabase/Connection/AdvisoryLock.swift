public import PostgresNIO

/// A PostgreSQL session-level advisory lock (`pg_try_advisory_lock(bigint)`), taken by polling
/// so that a waiting runner never sits inside a statement.
///
/// Why polling: a session blocked in `pg_advisory_lock()` is inside a statement, and
/// `CREATE INDEX CONCURRENTLY` run by the lock holder waits for every transaction that is
/// older than it to end — including the blocked one, which waits for the holder: a deadlock
/// PostgreSQL does not detect (docs `CREATE INDEX`, "Building Indexes Concurrently"). Each
/// `pg_try_advisory_lock` call returns at once and ends its transaction, so the holder's
/// concurrent index builds go on.
public struct AdvisoryLock: Sendable, Hashable {
    /// The lock's key (one `bigint` space per database).
    public let key: Int64
    /// What the lock protects, for messages (e.g. `the ERS schema lock`).
    public let name: String

    /// The lock `ersctl-db migrate` and `ersctl-db partitions maintain` take: one schema change
    /// at a time per database. The key is the ASCII of "ERSSCHEM".
    public static let schema = AdvisoryLock(key: 0x4552_5353_4348_454D, name: "the ERS schema lock")

    /// A lock with `key`, described as `name`.
    public init(key: Int64, name: String) {
        self.key = key
        self.name = name
    }

    /// Takes the lock in `session`, trying every `pollInterval` until `timeout` has passed.
    /// Calls `waiting` once, with a description of the holder, when the first try fails.
    /// - Throws: ``AdvisoryLockError/timedOut(lock:seconds:holder:)`` naming the session that
    ///   holds the lock, or ``DatabaseError``.
    public func acquire(
        in session: DatabaseSession, timeout: Duration, pollInterval: Duration = .milliseconds(250),
        waiting: @Sendable (String) -> Void = { _ in }
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var announced = false
        while true {
            if try await tryAcquire(in: session) { return }
            if !announced {
                waiting("waiting for \(name), held by \(try await holder(in: session))")
                announced = true
            }
            if clock.now >= deadline {
                throw AdvisoryLockError.timedOut(lock: name, seconds: Int(timeout.components.seconds), holder: try await holder(in: session))
            }
            try await Task.sleep(for: min(pollInterval, deadline - clock.now + .milliseconds(1)))
        }
    }

    /// One `pg_try_advisory_lock`: whether the lock was taken.
    /// - Throws: ``DatabaseError``.
    public func tryAcquire(in session: DatabaseSession) async throws -> Bool {
        let rows = try await session.rows("SELECT pg_try_advisory_lock(\(key))")
        guard let row = rows.first else { throw DatabaseError.unexpectedResult("pg_try_advisory_lock returned no row") }
        return try row.decode(Bool.self)
    }

    /// Releases the lock (`pg_advisory_unlock`); closing the session releases it too.
    /// - Throws: ``DatabaseError``.
    public func release(in session: DatabaseSession) async throws {
        try await session.execute("SELECT pg_advisory_unlock(\(key))")
    }

    /// The session holding the lock: `pid 123 (ersctl-db migrate, 10.0.0.7, since 2026-01-05 10:00:00 UTC)`.
    /// - Throws: ``DatabaseError``.
    public func holder(in session: DatabaseSession) async throws -> String {
        let high = Int64(truncatingIfNeeded: UInt64(bitPattern: key) >> 32)
        let low = Int64(truncatingIfNeeded: UInt64(bitPattern: key) & 0xFFFF_FFFF)
        let rows = try await session.rows(
            """
            SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'local socket'),
                   coalesce(to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), '')
            FROM pg_catalog.pg_locks AS l JOIN pg_catalog.pg_stat_activity AS a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
              AND l.classid = \(high)::int8::oid AND l.objid = \(low)::int8::oid
            """)
        guard let row = rows.first else { return "a session that has just let it go" }
        let (pid, application, client, since) = try row.decode((Int32, String, String, String).self)
        let app = application.isEmpty ? "" : "\(application), "
        return "pid \(pid) (\(app)\(client), connected since \(since) UTC)"
    }
}

/// The advisory lock could not be taken.
public enum AdvisoryLockError: Error, Sendable, CustomStringConvertible {
    /// Another session held the lock for the whole timeout.
    case timedOut(lock: String, seconds: Int, holder: String)

    /// What happened and what to do.
    public var description: String {
        switch self {
        case .timedOut(let lock, let seconds, let holder):
            "\(lock) is still held after \(seconds) s, by \(holder). Another migration or partition maintenance is running: wait for it and run again, or give more time with --lock-wait SECONDS. If that session is stuck, end it with SELECT pg_terminate_backend(PID)."
        }
    }
}
