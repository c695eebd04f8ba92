import ERSJobs
import Logging
import PostgresNIO

/// Reads the partitioned `audit_logs` table, newest first, with keyset pagination on
/// `(created_at DESC, id DESC)` and a time range compared with `created_at` itself, so only
/// the partitions of the range are read (as ``ReportQuery`` does).
struct AuditQuery: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// One row.
    struct Entry: Sendable {
        var id: Int64
        var createdAt: DatabaseTimestamp
        var userID: String?
        var action: String
        var resourceType: String?
        var resourceID: String?
        var details: String?
        var ipAddress: String?
    }

    /// Which rows: optional user, action and resource, and `from <= created_at < to`.
    struct Filter: Sendable {
        var userID: String?
        var action: String?
        var resourceType: String?
        var resourceID: String?
        var from: DatabaseTimestamp
        var to: DatabaseTimestamp
    }

    static let cursorKind = "audit"

    /// Up to `limit` rows after `after` (`created_at`, `id` of the previous page's last row),
    /// and the next page's cursor when more may follow.
    func page(_ filter: Filter, limit: Int, after: (DatabaseTimestamp, Int64)?) async throws -> ([Entry], PageCursor?) {
        var builder = QueryBuilder("""
            SELECT id, created_at, user_id, action, resource_type, resource_id, details::text, host(ip_address)
            FROM audit_logs WHERE created_at >= 
            """)
        builder.append(try builder.bind(filter.from))
        builder.append(" AND created_at < \(try builder.bind(filter.to))")
        if let user = filter.userID { builder.append(" AND user_id = \(try builder.bind(user))") }
        if let action = filter.action { builder.append(" AND action = \(try builder.bind(action))") }
        if let type = filter.resourceType { builder.append(" AND resource_type = \(try builder.bind(type))") }
        if let id = filter.resourceID { builder.append(" AND resource_id = \(try builder.bind(id))") }
        if let after {
            let (created, id) = after
            let bound = try builder.bind(created)
            builder.append(" AND created_at <= \(bound) AND (created_at, id) < (\(bound), \(try builder.bind(id)))")
        }
        builder.append(" ORDER BY created_at DESC, id DESC LIMIT \(try builder.bind(limit + 1))")
        var entries: [Entry] = []
        let rows = try await client.query(builder.query, logger: logger)
        for try await (id, created, user, action, type, resource, details, address)
            in rows.decode((Int64, DatabaseTimestamp, String?, String, String?, String?, String?, String?).self) {
            entries.append(Entry(id: id, createdAt: created, userID: user, action: action, resourceType: type, resourceID: resource,
                                 details: details, ipAddress: address))
        }
        guard entries.count > limit else { return (entries, nil) }
        entries.removeLast(entries.count - limit)
        let last = entries[entries.count - 1]
        return (entries, PageCursor(kind: Self.cursorKind, fields: [String(last.createdAt.microsecondsSince2000), String(last.id)]))
    }
}
