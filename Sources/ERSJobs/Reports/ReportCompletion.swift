public import Foundation

/// One finished collection to store: the job (its id and lease token) and the report's JSON.
public struct ReportCompletion: Sendable, Hashable {
    /// `jobs.id`.
    public var jobID: Int64
    /// The token of the lease the worker holds.
    public var leaseToken: UUID
    /// `reports.data`: a JSON object as UTF-8 text.
    public var json: String

    /// The report `json` (`reports.data`) of job `jobID`, held under `leaseToken`.
    public init(jobID: Int64, leaseToken: UUID, json: String) {
        self.jobID = jobID
        self.leaseToken = leaseToken
        self.json = json
    }
}

/// A report stored for a job: the `reports` row's key and where it belongs.
public struct StoredReport: Sendable, Hashable {
    /// `jobs.id`.
    public var jobID: Int64
    /// `reports.hostname`.
    public var hostname: String
    /// `reports.report_type`.
    public var reportType: String
    /// `reports.id`.
    public var reportID: Int64
    /// `reports.created_at` (with `id`, the primary key of the partitioned table).
    public var createdAt: Date
}
