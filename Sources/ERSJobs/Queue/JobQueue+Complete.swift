import ERSDatabase
import Foundation
import PostgresNIO

extension JobQueue {
    /// Stores the reports of `completions` and marks their jobs succeeded, all in ONE
    /// transaction (one statement inside `BEGIN`/`COMMIT`): the jobs still running under the
    /// presented lease token are updated to succeeded with a new `report_id` (the `reports`
    /// identity sequence) — the UPDATE locks each row and re-checks token and state against
    /// the latest version (PostgreSQL docs 13.2.1, Read Committed) — and exactly the rows it
    /// updated are inserted into `reports` (one multi-row `INSERT … SELECT` from its RETURNING,
    /// `OVERRIDING SYSTEM VALUE` for the pre-drawn id). If the reports inserted differ in
    /// number from the jobs updated, the transaction is rolled back. So each job's report is
    /// stored exactly once, even when a rescued job is finished by two workers or a worker dies
    /// after the insert (its transaction never commits). The jobs are reached through
    /// `id = ANY(ids)` (primary-key lookups): joined to the unnest alone, the planner scanned
    /// the whole jobs table per batch.
    /// - Returns: the reports stored; a completion whose lease is no longer valid (rescued,
    ///   already finished) is absent — its result is dropped, the job's current holder decides.
    ///   Of several completions of one job in the same call only the first is used.
    /// - Throws: ``DatabaseError`` (nothing is stored then); ``JobsError`` on a mismatch.
    public func complete(_ completions: [ReportCompletion]) async throws -> [StoredReport] {
        var seen = Set<Int64>()
        let completions = completions.filter { seen.insert($0.jobID).inserted }
        guard !completions.isEmpty else { return [] }
        let ids = completions.map(\.jobID), tokens = completions.map(\.leaseToken), data = completions.map(\.json)
        let query: PostgresQuery = """
            WITH input AS (
                SELECT * FROM unnest(\(ids)::bigint[], \(tokens)::uuid[], \(data)::text[]) AS t(job_id, token, data)
            ), finished AS (
                UPDATE jobs j
                SET state = 'succeeded', report_id = nextval(pg_get_serial_sequence('reports', 'id')), report_created_at = now(),
                    lease_token = NULL, lease_expires_at = NULL, last_error = NULL, error_kind = NULL, finished_at = now(), updated_at = now()
                FROM input i
                WHERE j.id = ANY(\(ids)::bigint[]) AND j.id = i.job_id AND j.lease_token = i.token AND j.state = 'running'
                RETURNING j.id, j.hostname, j.report_type, j.report_id, j.report_created_at, i.data
            ), stored AS (
                INSERT INTO reports (id, hostname, report_type, data, created_at) OVERRIDING SYSTEM VALUE
                SELECT report_id, hostname, report_type, data::jsonb, report_created_at FROM finished
                RETURNING id
            )
            SELECT f.id, f.hostname, f.report_type, f.report_id, f.report_created_at, (SELECT count(*) FROM stored)::bigint
            FROM finished f ORDER BY f.id
            """
        let stored: [StoredReport] = try await withTransaction { connection in
            let rows = try await connection.rows(query, logger: logger)
            var result: [StoredReport] = []
            var inserted: Int64 = 0
            for row in rows {
                let v = try row.decode((Int64, String, String, Int64, Date, Int64).self)
                result.append(StoredReport(jobID: v.0, hostname: v.1, reportType: v.2, reportID: v.3, createdAt: v.4))
                inserted = v.5
            }
            guard Int64(result.count) == inserted else {
                throw JobsError("storing reports: \(inserted) reports inserted but \(result.count) jobs marked succeeded; rolled back (this is a bug in ERSJobs)")
            }
            return result
        }
        metrics.succeeded.increment(by: Int64(stored.count))
        return stored
    }

    /// Runs `body` in a transaction on one pooled connection: `BEGIN`, `body`, `COMMIT`; any
    /// error rolls back and is rethrown as ``DatabaseError`` (or as thrown).
    func withTransaction<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                _ = try await connection.rows("BEGIN", logger: logger)
                do {
                    let result = try await body(connection)
                    _ = try await connection.rows("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.rows("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch let error as JobsError {
            throw error
        } catch {
            throw DatabaseError.statement("(transaction)", failedWith: error)
        }
    }
}
