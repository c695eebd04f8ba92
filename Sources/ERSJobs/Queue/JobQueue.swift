import Foundation
public import Logging
public import PostgresNIO

/// The durable job queue in PostgreSQL (`jobs`). A worker claims ready jobs with
/// `FOR UPDATE SKIP LOCKED` (PostgreSQL docs: SELECT, "The Locking Clause") in one short
/// statement, then holds each by a lease: a fresh `lease_token` and `lease_expires_at`, renewed
/// by ``heartbeat(_:)``. Every later state change (heartbeat, complete, fail, release) presents
/// the token and matches `state = 'running'`, so once a lease has been rescued the former
/// holder can no longer change the job.
public struct JobQueue: Sendable {
    /// The LISTEN/NOTIFY channel new work is announced on (PostgreSQL docs: NOTIFY).
    public static let channel = "ers_jobs"

    /// The pool.
    public let client: PostgresClient
    /// Leases, retries, pruning.
    public let options: QueueOptions
    /// Where statements log.
    public let logger: Logger
    let metrics = QueueMetrics()

    /// A queue over the `jobs` table reached through `client` (run by the caller).
    public init(client: PostgresClient, options: QueueOptions = QueueOptions(), logger: Logger) {
        self.client = client
        self.options = options
        self.logger = logger
    }

    /// Claims up to `limit` ready jobs (state queued or failed, `run_at <= now()`, oldest
    /// `run_at` then id first) for `worker` (`jobs.leased_by`): each gets state running, a new
    /// lease token (`gen_random_uuid()`), a lease of ``QueueOptions/leaseSeconds`` and one more
    /// attempt. Rows other claimers hold are skipped, never waited for.
    ///
    /// With `transports` (the `hosts.transport` values the worker has collectors for), only
    /// jobs whose host uses one of them are claimed — plus jobs whose host row is gone, so that
    /// any worker can fail those — and the others wait for a worker that can collect them
    /// (workers configured differently share one queue). nil claims every job.
    /// - Returns: the claimed jobs with their host rows; empty when nothing is ready.
    /// - Throws: ``DatabaseError``.
    public func claim(limit: Int, worker: String, transports: [String]? = nil) async throws -> [ClaimedJob] {
        guard limit > 0 else { return [] }
        let everyTransport = transports == nil
        let rows = try await client.rows("""
            WITH picked AS (
                SELECT id FROM jobs
                WHERE state IN ('queued', 'failed') AND run_at <= now()
                  AND (\(everyTransport) OR host_id IS NULL  -- deleted hosts: ON DELETE SET NULL
                       OR EXISTS (SELECT 1 FROM hosts h WHERE h.id = jobs.host_id AND h.transport = ANY(\(transports ?? [])::text[])))
                ORDER BY run_at, id
                LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE jobs j
                SET state = 'running', lease_token = gen_random_uuid(),
                    lease_expires_at = now() + make_interval(secs => \(options.leaseSeconds)),
                    leased_by = \(String(worker.prefix(255))), attempts = j.attempts + 1, updated_at = now()
                FROM picked WHERE j.id = picked.id
                RETURNING j.id, j.collection_id, j.host_id, j.hostname, j.report_type, j.attempts, j.max_attempts,
                          j.lease_token, j.lease_expires_at
            )
            SELECT c.id, c.collection_id, c.hostname, c.report_type, c.attempts, c.max_attempts, c.lease_token,
                   c.lease_expires_at, h.id, h.name, h.address, h.port, h.transport, h.ssh_user, h.disabled
            FROM claimed c LEFT JOIN hosts h ON h.id = c.host_id
            ORDER BY c.id
            """, logger: logger)
        let jobs = try rows.map { row in
            let v = try row.decode(
                (Int64, Int64, String, String, Int32, Int32, UUID, Date, Int64?, String?, String?, Int32?, String?, String?, Bool?).self)
            var host: ClaimedJob.HostRow?
            if let id = v.8, let name = v.9, let address = v.10, let port = v.11, let transport = v.12 {
                host = ClaimedJob.HostRow(id: id, name: name, address: address, port: Int(port), transport: transport, sshUser: v.13,
                                          disabled: v.14 ?? false)
            }
            return ClaimedJob(id: v.0, collectionID: v.1, hostname: v.2, reportType: v.3, attempt: Int(v.4), maxAttempts: Int(v.5),
                              leaseToken: v.6, leaseExpiresAt: v.7, host: host)
        }
        metrics.claimed.increment(by: Int64(jobs.count))
        return jobs
    }

    /// Extends the lease of `job` by ``QueueOptions/leaseSeconds`` from now.
    /// - Returns: false when the lease is no longer this worker's (rescued, finished): stop work
    ///   on the job; its result would be refused anyway.
    /// - Throws: ``DatabaseError``.
    public func heartbeat(_ job: ClaimedJob) async throws -> Bool {
        let rows = try await client.rows("""
            UPDATE jobs SET lease_expires_at = now() + make_interval(secs => \(options.leaseSeconds)), updated_at = now()
            WHERE id = \(job.id) AND lease_token = \(job.leaseToken) AND state = 'running'
            RETURNING id
            """, logger: logger)
        return !rows.isEmpty
    }

    /// The number of jobs waiting (queued or failed), also published as ``QueueMetrics``' depth.
    /// - Throws: ``DatabaseError``.
    public func depth() async throws -> Int {
        let rows = try await client.rows("SELECT count(*)::bigint FROM jobs WHERE state IN ('queued', 'failed')", logger: logger)
        let count = try rows.first?.decode(Int64.self) ?? 0
        metrics.depth.record(count)
        return Int(count)
    }
}
