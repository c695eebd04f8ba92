/// Why an attempt failed, as the queue records it (`jobs.error_kind`, `jobs.last_error`).
public struct JobFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether retrying can help.
    public enum Kind: String, Sendable, Hashable {
        /// Retried with backoff until `max_attempts`, then dead.
        case transient
        /// Dead at once.
        case permanent
    }

    /// Whether the job is retried (transient, until its last attempt) or dead at once (permanent).
    public var kind: Kind
    /// What happened (never a secret), for `jobs.last_error`; cut to 2000 characters.
    public var message: String

    /// A failure of `kind`; `message` (never a secret) goes to `jobs.last_error`, cut to 2000 characters.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = String(message.prefix(2000))
    }

    /// `transient: message`.
    public var description: String { "\(kind.rawValue): \(message)" }
}

/// Where a job went after ``JobQueue/fail(_:_:)``.
public enum FailOutcome: Sendable, Hashable {
    /// Retried after `delaySeconds` (state failed).
    case retry(delaySeconds: Double)
    /// No attempt left or a permanent failure (state dead).
    case dead
    /// The lease was no longer this worker's: nothing changed.
    case leaseLost
}
