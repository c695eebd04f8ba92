/// A row of the partitioned `reports` table.
public struct Report: Hashable, Sendable {
    /// Its id (with `created_at`).
    public var id: ReportID
    /// The host it came from (`reports.hostname`).
    public var hostname: String
    /// `reports.report_type` (`system`, …).
    public var reportType: String
    /// The report document as JSON text; nil when the query left it out.
    public var data: String?

    /// When it was stored.
    public var createdAt: DatabaseTimestamp { id.createdAt }

    /// A report from its fields.
    public init(id: ReportID, hostname: String, reportType: String, data: String?) {
        self.id = id
        self.hostname = hostname
        self.reportType = reportType
        self.data = data
    }
}

/// Which reports a page lists: optional host and type, and the half-open time range
/// `from <= created_at < to`.
public struct ReportFilter: Hashable, Sendable {
    /// Only this host's reports, when set.
    public var hostname: String?
    /// Only this type, when set.
    public var reportType: String?
    /// Inclusive lower bound of `created_at`.
    public var from: DatabaseTimestamp
    /// Exclusive upper bound of `created_at`.
    public var to: DatabaseTimestamp

    /// A filter.
    public init(hostname: String? = nil, reportType: String? = nil, from: DatabaseTimestamp, to: DatabaseTimestamp) {
        self.hostname = hostname
        self.reportType = reportType
        self.from = from
        self.to = to
    }
}

/// One page of reports, newest first (`created_at DESC, id DESC`).
public struct ReportPage: Hashable, Sendable {
    /// The reports.
    public var reports: [Report]
    /// The next page's cursor; nil on the last page.
    public var nextCursor: PageCursor?

    /// A page.
    public init(reports: [Report], nextCursor: PageCursor?) {
        self.reports = reports
        self.nextCursor = nextCursor
    }

    /// The cursor kind of report lists.
    public static let cursorKind = "reports"

    /// The sort key (`created_at`, `id`) of the last row before the page `cursor` names.
    /// - Throws: ``PageCursorError`` when `cursor` is not a reports cursor.
    public static func after(cursor: String) throws(PageCursorError) -> ReportID {
        let fields = try PageCursor.decode(cursor, kind: cursorKind, count: 2)
        return ReportID(id: fields[1], createdAt: DatabaseTimestamp(microsecondsSince2000: fields[0]))
    }

    /// The cursor after `report`.
    static func cursor(after report: Report) -> PageCursor {
        PageCursor(kind: cursorKind, fields: [String(report.createdAt.microsecondsSince2000), String(report.id.id)])
    }
}
