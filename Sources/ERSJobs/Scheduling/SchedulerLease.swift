public import Foundation
public import Logging
public import PostgresNIO

/// The scheduler's leader lease: one row of `scheduler_leases` (name, holder, term,
/// expires_at). A replica leads while it holds an unexpired lease; each acquisition raises the
/// term, and every write of a leader presents its ``LeaseClaim`` (holder and term), so a former
/// leader — paused, partitioned, or slow to notice — can write nothing once another replica has
/// taken over. No session state: works through a pool (unlike a session advisory lock).
public struct SchedulerLease: Sendable {
    /// The pool.
    public let client: PostgresClient
    /// Where statements log.
    public let logger: Logger

    /// The lease rows of `scheduler_leases`, reached through `client` (run by the caller).
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Takes the lease `name` for `holder` when it is free or expired: term + 1, expiring
    /// `seconds` from now (PostgreSQL's clock). Nil when another holder's lease is still valid.
    /// - Throws: ``DatabaseError``.
    public func acquire(_ name: String, holder: String, seconds: Double) async throws -> LeaseClaim? {
        let rows = try await client.rows("""
            INSERT INTO scheduler_leases AS l (name, holder, term, expires_at)
            VALUES (\(name), \(holder), 1, now() + make_interval(secs => \(seconds)))
            ON CONFLICT (name) DO UPDATE
                SET holder = EXCLUDED.holder, term = l.term + 1, expires_at = EXCLUDED.expires_at
                WHERE l.expires_at IS NULL OR l.expires_at <= now()
            RETURNING term
            """, logger: logger)
        guard let row = rows.first else { return nil }
        return LeaseClaim(name: name, holder: holder, term: try row.decode(Int64.self))
    }

    /// Extends `claim` by `seconds` from now, only while holder and term match and the lease has
    /// not expired. False: the lease is lost; the caller must stop leading.
    /// - Throws: ``DatabaseError``.
    public func renew(_ claim: LeaseClaim, seconds: Double) async throws -> Bool {
        let rows = try await client.rows("""
            UPDATE scheduler_leases SET expires_at = now() + make_interval(secs => \(seconds))
            WHERE name = \(claim.name) AND holder = \(claim.holder) AND term = \(claim.term) AND expires_at > now()
            RETURNING term
            """, logger: logger)
        return !rows.isEmpty
    }

    /// Gives the lease up (expires it now) so another replica can lead at once; does nothing
    /// when `claim` is no longer the lease.
    /// - Throws: ``DatabaseError``.
    public func release(_ claim: LeaseClaim) async throws {
        _ = try await client.rows("""
            UPDATE scheduler_leases SET expires_at = now()
            WHERE name = \(claim.name) AND holder = \(claim.holder) AND term = \(claim.term)
            """, logger: logger)
    }

    /// Whether `claim` is still the valid lease.
    /// - Throws: ``DatabaseError``.
    public func isHeld(_ claim: LeaseClaim) async throws -> Bool {
        let rows = try await client.rows("""
            SELECT 1 FROM scheduler_leases
            WHERE name = \(claim.name) AND holder = \(claim.holder) AND term = \(claim.term) AND expires_at > now()
            """, logger: logger)
        return !rows.isEmpty
    }
}
