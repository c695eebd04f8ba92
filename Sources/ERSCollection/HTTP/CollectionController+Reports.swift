import ERSJobs
import ERSServerCore
import Foundation
import Hummingbird

extension CollectionController {
    /// `GET /api/v1/reports?host=&type=&from=&to=&limit=&cursor=&data=` (viewer): reports with
    /// `from <= createdAt < to` (RFC 3339; default the 30 days before now), newest first;
    /// `data=true` includes each document.
    @Sendable func listReports(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let parameters = QueryParameters(request: request)
        let limit = try parameters.limit()
        let (from, to) = try parameters.timeRange()
        let host = try parameters.string("host").map { name throws(APIError) in try HostRequest.hostName(name).text }
        let type = try parameters.string("type").map { type throws(APIError) in try Self.reportType(type) }
        let withData = parameters.string("data") == "true"
        let after = try parameters.string("cursor").map { cursor throws(PageCursorError) in try ReportPage.after(cursor: cursor) }
        let filter = ReportFilter(hostname: host, reportType: type, from: from, to: to)
        let reports = service.reports
        let page = try await store("PostgreSQL") { try await reports.page(filter, limit: limit, after: after, withData: withData) }
        return JSONBody.response(.ok, ["reports": page.reports.map { Self.json($0, withData: withData) },
                                       "nextCursor": page.nextCursor?.encoded ?? NSNull(),
                                       "from": from.rfc3339, "to": to.rfc3339])
    }

    /// `GET /api/v1/reports/{id}` (viewer): one report with its document.
    @Sendable func getReport(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let id: ReportID
        do {
            id = try ReportID(parsing: context.parameters.get("id") ?? "")
        } catch {
            throw APIError.badRequest(error.description)
        }
        let reports = service.reports
        guard let report = try await store("PostgreSQL", { try await reports.report(id: id) }) else {
            throw APIError.notFound("no report has the id \(id); ids come from GET /api/v1/reports")
        }
        return JSONBody.response(.ok, Self.json(report, withData: true))
    }

    /// `GET /api/v1/hosts/{name}/reports/latest?type=` (viewer): the newest report of that type,
    /// from the Redis cache (`X-Cache: hit` or `miss`).
    @Sendable func latestReport(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let name = try hostName(context)
        guard let rawType = QueryParameters(request: request).string("type") else {
            throw APIError.badRequest("give the report type: ?type=system")
        }
        let type = try Self.reportType(rawType)
        let cache = service.latestReports
        let (report, source) = try await store("Redis or PostgreSQL") { try await cache.latest(hostname: name, reportType: type) }
        guard let report else { throw APIError.notFound("host \"\(name)\" has no \(type) report yet") }
        return JSONBody.response(.ok, Self.json(report, withData: true), headers: [HTTPFieldName("X-Cache")!: source.rawValue])
    }

    /// A report type: 1–50 of a-z, 0-9, `_`, `-` (it is part of Redis keys and `reports.report_type` is varchar(50)).
    static func reportType(_ text: String) throws(APIError) -> String {
        let valid = (1...50).contains(text.utf8.count) && text.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
        guard valid else { throw APIError.badRequest("type \"\(text.prefix(60))\" is not a report type: 1–50 of a-z, 0-9, '_', '-' (e.g. system)") }
        return text
    }

    /// A report as JSON.
    static func json(_ report: Report, withData: Bool) -> [String: Any] {
        var object: [String: Any] = ["id": report.id.description, "hostname": report.hostname, "reportType": report.reportType,
                                     "createdAt": report.createdAt.rfc3339]
        if withData { object["data"] = JSONBody.value(ofDocument: report.data) }
        return object
    }
}
