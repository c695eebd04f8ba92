public import Foundation

/// A collection's progress: its row, the number of jobs in each state and one row per host.
public struct CollectionStatus: Sendable, Hashable {
    /// `collections.id`.
    public var id: Int64
    public var reportType: String
    public var requestedBy: String?
    /// For a scheduled run: the schedule's name and the time it was due.
    public var scheduleName: String?
    public var scheduledFor: Date?
    public var createdAt: Date
    /// Jobs per state (`queued`, `running`, `failed`, `succeeded`, `dead`); absent states are 0.
    public var counts: [String: Int]
    /// One row per job, by host name.
    public var hosts: [HostJob]

    /// Whether every job has finished (succeeded or dead).
    public var isFinished: Bool {
        (counts["queued"] ?? 0) + (counts["running"] ?? 0) + (counts["failed"] ?? 0) == 0
    }

    /// One job of the collection.
    public struct HostJob: Sendable, Hashable {
        public var jobID: Int64
        public var hostname: String
        public var state: String
        public var attempts: Int
        public var maxAttempts: Int
        /// When a failed job is retried next.
        public var runAt: Date
        public var lastError: String?
        public var errorKind: String?
        public var reportID: Int64?
        public var reportCreatedAt: Date?
    }
}
