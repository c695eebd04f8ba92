public import Logging
public import PostgresNIO

/// Reads the partitioned `reports` table (monthly partitions on `created_at`).
///
/// Every statement is written so that PostgreSQL prunes partitions (PostgreSQL docs §5.11.4
/// "Partition Pruning"): the predicates compare `created_at` itself — no function or cast on
/// the column — with `timestamptz` parameters bound as such (``DatabaseTimestamp``), so the
/// planner removes the partitions outside the range at plan time (custom plan) or at executor
/// start-up (generic plan). Keyset pagination on `(created_at DESC, id DESC)` (no OFFSET): the
/// cursor adds `created_at <= $c AND (created_at, id) < ($c, $i)`, which also prunes the
/// months already read.
public struct ReportQuery: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// Reports in `client`'s database.
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Up to `limit` reports matching `filter`, newest first, after `after` (the sort key the
    /// previous page's cursor holds).
    /// - Parameter withData: include each report's document.
    /// - Throws: PostgreSQL errors.
    public func page(_ filter: ReportFilter, limit: Int, after: ReportID? = nil, withData: Bool = false) async throws -> ReportPage {
        var reports = try await all(try Self.pageQuery(filter, limit: limit + 1, after: after, withData: withData))
        var next: PageCursor?
        if reports.count > limit {
            reports.removeLast(reports.count - limit)
            next = reports.last.map(ReportPage.cursor(after:))
        }
        return ReportPage(reports: reports, nextCursor: next)
    }

    /// The statement of ``page(_:limit:after:withData:)`` reading `limit` rows (tests EXPLAIN it).
    static func pageQuery(_ filter: ReportFilter, limit: Int, after: ReportID?, withData: Bool) throws -> PostgresQuery {
        var builder = QueryBuilder("SELECT id, hostname, report_type, created_at, \(withData ? "data::text" : "NULL::text") FROM reports WHERE created_at >= ")
        builder.append(try builder.bind(filter.from))
        builder.append(" AND created_at < \(try builder.bind(filter.to))")
        if let hostname = filter.hostname { builder.append(" AND hostname = \(try builder.bind(hostname))") }
        if let reportType = filter.reportType { builder.append(" AND report_type = \(try builder.bind(reportType))") }
        if let after {
            let created = try builder.bind(after.createdAt)
            builder.append(" AND created_at <= \(created) AND (created_at, id) < (\(created), \(try builder.bind(after.id)))")
        }
        builder.append(" ORDER BY created_at DESC, id DESC LIMIT \(try builder.bind(limit))")
        return builder.query
    }

    /// The report `id`, with its document; nil when there is none. Touches one partition.
    /// - Throws: PostgreSQL errors.
    public func report(id: ReportID) async throws -> Report? {
        try await all(Self.reportQuery(id: id)).first
    }

    /// The statement of ``report(id:)`` (tests EXPLAIN it).
    static func reportQuery(id: ReportID) -> PostgresQuery {
        """
        SELECT id, hostname, report_type, created_at, data::text FROM reports
        WHERE id = \(id.id) AND created_at = \(id.createdAt)
        """
    }

    /// The newest report of `reportType` from `hostname`, with its document; nil when none.
    /// Served by the `(hostname, created_at)` index of each partition, newest partition first.
    /// - Throws: PostgreSQL errors.
    public func latest(hostname: String, reportType: String) async throws -> Report? {
        try await all("""
            SELECT id, hostname, report_type, created_at, data::text FROM reports
            WHERE hostname = \(hostname) AND report_type = \(reportType)
            ORDER BY created_at DESC, id DESC LIMIT 1
            """).first
    }

    func all(_ query: PostgresQuery) async throws -> [Report] {
        var reports: [Report] = []
        let rows = try await client.query(query, logger: logger)
        for try await (id, hostname, type, created, data) in rows.decode((Int64, String, String, DatabaseTimestamp, String?).self) {
            reports.append(Report(id: ReportID(id: id, createdAt: created), hostname: hostname, reportType: type, data: data))
        }
        return reports
    }
}
