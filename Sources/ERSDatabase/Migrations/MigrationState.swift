/// Where one migration stands, comparing the directory with the history table.
public enum MigrationState: Sendable, Hashable {
    /// Applied, and the file still has the checksum that was applied.
    case applied(MigrationRecord)
    /// Not applied yet (a repeatable file never applied).
    case pending
    /// A repeatable file whose text changed since it was last applied: it runs again.
    case outdated(MigrationRecord)
    /// A versioned file that was applied and has changed since: an error until the file is
    /// restored or the change accepted with `repair`.
    case changed(MigrationRecord)
    /// The last attempt failed and it was never applied since.
    case failed(MigrationRecord)
    /// In the history, but no file in the directory has this version (or repeatable name).
    case missingFile(MigrationRecord)

    /// The short word `status` prints.
    public var label: String {
        switch self {
        case .applied: "applied"
        case .pending: "pending"
        case .outdated: "outdated"
        case .changed: "CHANGED"
        case .failed: "FAILED"
        case .missingFile: "no file"
        }
    }
}

/// One line of `status`: a file (or a history row without a file) and its state.
public struct MigrationStatusEntry: Sendable, Hashable {
    /// The file name (from the directory or, for ``MigrationState/missingFile(_:)``, the history).
    public var script: String
    /// The file, when there is one.
    public var file: MigrationFile?
    /// Its state.
    public var state: MigrationState

    /// Creates an entry.
    public init(script: String, file: MigrationFile?, state: MigrationState) {
        self.script = script
        self.file = file
        self.state = state
    }

    /// Whether `up` would run this file.
    public var willRun: Bool {
        switch state {
        case .pending, .outdated: true
        case .failed(let record): record.transactional
        case .applied, .changed, .missingFile: false
        }
    }
}
