import ERSFleet
import Foundation
public import Logging
public import PostgresNIO

/// Starts collections: one `collections` row and one job per enabled matching host, in one
/// statement (so one transaction), then `NOTIFY` on ``JobQueue/channel`` so idle workers wake
/// at once (PostgreSQL docs: NOTIFY — delivered when the transaction commits). When no enabled
/// host matches, nothing is written (no empty collection).
public struct CollectionQueue: Sendable {
    /// The pool.
    public let client: PostgresClient
    /// Attempts each new job gets (`jobs.max_attempts`, at least 1).
    public let maxAttempts: Int
    /// Where statements log.
    public let logger: Logger

    public init(client: PostgresClient, maxAttempts: Int = 5, logger: Logger) {
        self.client = client
        self.maxAttempts = max(1, maxAttempts)
        self.logger = logger
    }

    /// What ``start(reportType:hosts:requestedBy:schedule:)`` did.
    public enum StartResult: Sendable, Hashable {
        /// The collection was created with `jobs` jobs (at least 1).
        case started(collectionID: Int64, jobs: Int)
        /// No enabled host matched the selector (or none of the ids is an enabled host).
        /// Nothing was written: no collection row, no job, no notification.
        case noMatchingHosts
        /// A scheduled run: this `(schedule name, scheduled for)` already exists (another
        /// scheduler, or this one earlier, created it). Nothing was written.
        case alreadyScheduled
        /// A scheduled run: the lease presented is no longer held (another holder, a newer term,
        /// or expired). Nothing was written; the caller must step down.
        case notLeader
    }

    /// Creates a collection of `reportType` for `hosts`.
    /// - Parameters:
    ///   - reportType: `reports.report_type` (1–50 bytes).
    ///   - requestedBy: the user (or `scheduler`) for `collections.requested_by` (≤ 100 bytes).
    ///   - schedule: for a scheduled run: inserted only if no run has this key
    ///     (`ON CONFLICT (schedule_name, scheduled_for) DO NOTHING`) and only while the lease row
    ///     still has this holder and term and has not expired (checked in the same statement,
    ///     the lease row locked `FOR SHARE` so a new leader's acquisition waits for it). A
    ///     lease no longer held answers ``StartResult/notLeader`` before anything else.
    /// - Returns: ``StartResult/started(collectionID:jobs:)``, or why nothing was written.
    /// - Throws: ``JobsError`` for a bad report type; ``DatabaseError`` from PostgreSQL.
    public func start(reportType: String, hosts: HostChoice, requestedBy: String?, schedule: ScheduledRun? = nil) async throws -> StartResult {
        guard (1...50).contains(reportType.utf8.count) else {
            throw JobsError("report type \"\(reportType)\" must be 1–50 bytes (reports.report_type is varchar(50))")
        }
        var bindings = PostgresBindings()
        bindings.append(reportType)
        bindings.append(requestedBy.map { String($0.prefix(100)) })
        bindings.append(maxAttempts)
        bindings.append(JobQueue.channel)
        var leaseCTE = ""
        var source = "(SELECT NULL::bigint AS term) AS lease"
        var conflict = ""
        if let schedule {
            bindings.append(schedule.name)
            bindings.append(schedule.scheduledFor)
            bindings.append(schedule.lease.name)
            bindings.append(schedule.lease.holder)
            bindings.append(schedule.lease.term)
            leaseCTE = """
                lease AS (
                    SELECT term FROM scheduler_leases
                    WHERE name = $7 AND holder = $8 AND term = $9 AND expires_at > now()
                    FOR SHARE
                ),
                """
            source = "lease"
            conflict = "ON CONFLICT (schedule_name, scheduled_for) DO NOTHING"
        }
        let scheduleValues = schedule == nil ? "NULL::varchar, NULL::timestamptz" : "$5, $6"
        let hostCondition: String
        switch hosts {
        case .ids(let ids):
            bindings.append(ids)
            hostCondition = "h.id = ANY($\(bindings.count)::bigint[])"
        case .selector(let selector):
            hostCondition = selector.sqlCondition(alias: "h", bindings: &bindings)
        }
        // One row always: the new collection's id (NULL when nothing was inserted), its job count,
        // the enabled hosts matched and whether the lease (if any) is still held. `matched` is
        // referenced twice, so PostgreSQL materializes it: jobs are made for exactly the hosts counted.
        let sql = """
            WITH \(leaseCTE)
            matched AS (
                SELECT h.id, h.name FROM hosts h WHERE NOT h.disabled AND \(hostCondition)
            ),
            new_collection AS (
                INSERT INTO collections (report_type, requested_by, schedule_name, scheduled_for, scheduler_term)
                SELECT $1, $2, \(scheduleValues), lease.term FROM \(source)
                WHERE EXISTS (SELECT 1 FROM matched)
                \(conflict)
                RETURNING id
            ),
            new_jobs AS (
                INSERT INTO jobs (collection_id, host_id, hostname, report_type, max_attempts)
                SELECT c.id, m.id, m.name, $1, $3
                FROM new_collection c CROSS JOIN matched m
                ORDER BY m.name
                RETURNING id
            )
            SELECT c.id, (SELECT count(*) FROM new_jobs)::bigint, (SELECT count(*) FROM matched)::bigint,
                   EXISTS (SELECT 1 FROM \(source))
            FROM (SELECT 1) AS one
            LEFT JOIN new_collection c ON true
            LEFT JOIN LATERAL (SELECT pg_notify($4, c.id::text) WHERE c.id IS NOT NULL) AS notified ON true
            """
        let rows = try await client.rows(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        guard let row = rows.first else { throw JobsError("the collection statement returned no row; this is a bug in ERSJobs") }
        let (id, jobs, matched, leaseHeld) = try row.decode((Int64?, Int64, Int64, Bool).self)
        if let id { return .started(collectionID: id, jobs: Int(jobs)) }
        if schedule != nil && !leaseHeld { return .notLeader }
        if matched == 0 { return .noMatchingHosts }
        guard schedule != nil else { throw JobsError("INSERT INTO collections returned no row for \(matched) matched hosts; this is a bug in ERSJobs") }
        return .alreadyScheduled
    }
}
