import ERSJobs
import ERSServerCore
import Foundation
import Hummingbird

extension CollectionController {
    /// `GET /api/v1/audit-logs?user=&action=&resourceType=&resourceId=&from=&to=&limit=&cursor=`
    /// (admin): audit rows, newest first, `from <= createdAt < to` (default the last 30 days).
    @Sendable func listAudit(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let parameters = QueryParameters(request: request)
        let limit = try parameters.limit()
        let (from, to) = try parameters.timeRange()
        let after = try parameters.string("cursor").map { cursor throws(PageCursorError) in
            let fields = try PageCursor.decode(cursor, kind: AuditQuery.cursorKind, count: 2)
            return (DatabaseTimestamp(microsecondsSince2000: fields[0]), fields[1])
        }
        let filter = AuditQuery.Filter(userID: parameters.string("user"), action: parameters.string("action"),
                                       resourceType: parameters.string("resourceType"), resourceID: parameters.string("resourceId"),
                                       from: from, to: to)
        let query = service.auditQuery
        let (entries, next) = try await store("PostgreSQL") { try await query.page(filter, limit: limit, after: after) }
        let rows: [[String: Any]] = entries.map { entry in
            ["id": entry.id, "createdAt": entry.createdAt.rfc3339, "user": entry.userID ?? NSNull(), "action": entry.action,
             "resourceType": entry.resourceType ?? NSNull(), "resourceId": entry.resourceID ?? NSNull(),
             "details": JSONBody.value(ofDocument: entry.details), "ipAddress": entry.ipAddress ?? NSNull()]
        }
        return JSONBody.response(.ok, ["entries": rows, "nextCursor": next?.encoded ?? NSNull(), "from": from.rfc3339, "to": to.rfc3339])
    }
}
