public import Foundation

/// A collection's progress: its row, the number of jobs in each state and one row per host.
public struct CollectionStatus: Sendable, Hashable {
    /// `collections.id`.
    public var id: Int64
    /// `collections.report_type`.
    public var reportType: String
    /// The user who started it (`collections.requested_by`); nil for scheduled runs.
    public var requestedBy: String?
    /// For a scheduled run: the schedule's name and the time it was due.
    public var scheduleName: String?
    /// The due time of a scheduled run (UTC); nil when started by a request.
    public var scheduledFor: Date?
    /// When the collection was created.
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
        /// `jobs.id`.
        public var jobID: Int64
        /// The host's name (`jobs.hostname`).
        public var hostname: String
        /// `queued`, `running`, `failed`, `succeeded` or `dead`.
        public var state: String
        /// Attempts made so far.
        public var attempts: Int
        /// Attempts allowed before the job is dead.
        public var maxAttempts: Int
        /// When a failed job is retried next.
        public var runAt: Date
        /// The last attempt's error (`jobs.last_error`), never a secret.
        public var lastError: String?
        /// `transient` or `permanent`.
        public var errorKind: String?
        /// The stored report (`reports.id`), when succeeded.
        public var reportID: Int64?
        /// The stored report's `created_at` (its partition key).
        public var reportCreatedAt: Date?
    }
}
