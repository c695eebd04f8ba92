public import Foundation

/// A job a worker holds: the claimed `jobs` row and its host's row as it was at the claim
/// (nil fields when the host was deleted meanwhile). The host's fields are unvalidated text
/// from the table: the worker validates them again before using them.
public struct ClaimedJob: Sendable, Hashable {
    /// `jobs.id`.
    public var id: Int64
    /// `jobs.collection_id`.
    public var collectionID: Int64
    /// `jobs.hostname` (the host's name when the job was created; `reports.hostname`).
    public var hostname: String
    /// `jobs.report_type`.
    public var reportType: String
    /// This attempt's number (1 for the first).
    public var attempt: Int
    /// `jobs.max_attempts`.
    public var maxAttempts: Int
    /// The lease token every later state change presents.
    public var leaseToken: UUID
    /// When the lease ends unless renewed (heartbeat).
    public var leaseExpiresAt: Date
    /// The host row (`hosts`), when it still exists.
    public var host: HostRow?

    /// A `hosts` row as stored: nothing here has been validated.
    public struct HostRow: Sendable, Hashable {
        /// `hosts.id`.
        public var id: Int64
        /// `hosts.name`, as stored (validated again by the worker).
        public var name: String
        /// `hosts.address`, as stored (validated again by the worker).
        public var address: String
        /// `hosts.port` (TCP).
        public var port: Int
        /// `hosts.transport`: `ssh`, `http` or `local`.
        public var transport: String
        /// `hosts.ssh_user`; nil: the worker's `SSH_USER`.
        public var sshUser: String?
        /// `hosts.disabled`: a disabled host is not collected.
        public var disabled: Bool
    }
}
