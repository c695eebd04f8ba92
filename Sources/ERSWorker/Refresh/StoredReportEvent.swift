public import Foundation

/// A report the worker stored (its transaction committed), handed to the
/// ``ReportStoredHook`` in the background.
public struct StoredReportEvent: Sendable, Hashable {
    /// `reports.hostname`.
    public var hostname: String
    /// `reports.report_type`.
    public var reportType: String
    /// `reports.id`.
    public var reportID: Int64
    /// `reports.created_at` (the partition key).
    public var createdAt: Date

    /// The event for report `reportID` (`reports.id`) of `hostname` and `reportType`, stored at `createdAt`.
    public init(hostname: String, reportType: String, reportID: Int64, createdAt: Date) {
        self.hostname = hostname
        self.reportType = reportType
        self.reportID = reportID
        self.createdAt = createdAt
    }
}
