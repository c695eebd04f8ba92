import Foundation
import PostgresNIO

extension CollectionQueue {
    /// The status of collection `id`, or nil when there is none.
    /// - Throws: ``DatabaseError``.
    public func status(of id: Int64) async throws -> CollectionStatus? {
        let heads = try await client.rows("""
            SELECT id, report_type, requested_by, schedule_name, scheduled_for, created_at FROM collections WHERE id = \(id)
            """, logger: logger)
        guard let head = heads.first else { return nil }
        let h = try head.decode((Int64, String, String?, String?, Date?, Date).self)
        let rows = try await client.rows("""
            SELECT id, hostname, state, attempts, max_attempts, run_at, last_error, error_kind, report_id, report_created_at
            FROM jobs WHERE collection_id = \(id) ORDER BY hostname, id
            """, logger: logger)
        var status = CollectionStatus(id: h.0, reportType: h.1, requestedBy: h.2, scheduleName: h.3, scheduledFor: h.4, createdAt: h.5,
                                      counts: [:], hosts: [])
        for row in rows {
            let v = try row.decode((Int64, String, String, Int32, Int32, Date, String?, String?, Int64?, Date?).self)
            status.hosts.append(.init(jobID: v.0, hostname: v.1, state: v.2, attempts: Int(v.3), maxAttempts: Int(v.4), runAt: v.5,
                                      lastError: v.6, errorKind: v.7, reportID: v.8, reportCreatedAt: v.9))
            status.counts[v.2, default: 0] += 1
        }
        return status
    }
}
