/// The public id of a report: its `id` together with its `created_at`, because `reports` is
/// partitioned by `created_at` and its primary key is `(id, created_at)` — with both, a lookup
/// touches one partition and one index entry (PostgreSQL docs §5.11.4 "Partition Pruning").
///
/// Written `<id>-<microseconds since 1970>` (`8812-1767225600123456`); clients treat it as
/// opaque.
public struct ReportID: Hashable, Sendable, CustomStringConvertible {
    /// `reports.id`.
    public let id: Int64
    /// `reports.created_at`.
    public let createdAt: DatabaseTimestamp

    /// An id from its parts.
    public init(id: Int64, createdAt: DatabaseTimestamp) {
        self.id = id
        self.createdAt = createdAt
    }

    /// Parses the written form.
    /// - Throws: ``ReportIDError`` when `text` is not `<id>-<microseconds>`.
    public init(parsing text: String) throws(ReportIDError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count <= 41, parts.count == 2, let id = Int64(parts[0]), id > 0, let micros = Int64(parts[1]), micros >= 0,
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
        else { throw ReportIDError(text: String(text.prefix(60))) }
        self.init(id: id, createdAt: DatabaseTimestamp(unixMicroseconds: micros))
    }

    /// `<id>-<microseconds since 1970>`.
    public var description: String { "\(id)-\(createdAt.unixMicroseconds)" }
}

/// A report id that is not one the API issued.
public struct ReportIDError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rejected text (at most 60 characters).
    public let text: String

    public var description: String {
        "\"\(text)\" is not a report id; use the \"id\" of a report as GET /api/v1/reports or /api/v1/hosts/{name}/reports/latest returns it (e.g. 8812-1767225600123456)"
    }
}
