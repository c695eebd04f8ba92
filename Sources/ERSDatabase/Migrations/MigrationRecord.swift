/// One row of the history table: one application (or failed attempt) of one migration file.
public struct MigrationRecord: Sendable, Hashable {
    /// The row's rank: order of application.
    public var rank: Int64
    /// The version; nil for a repeatable migration.
    public var version: Int?
    /// The description from the file name.
    public var description: String
    /// The file name (`0001_create_reports.sql`).
    public var script: String
    /// SHA-256 (hex) of the file as it was applied.
    public var checksum: String
    /// When it was applied, `YYYY-MM-DD HH:MM:SS` UTC.
    public var appliedAt: String
    /// The role that applied it.
    public var appliedBy: String
    /// How long it took, in milliseconds.
    public var durationMilliseconds: Int64
    /// Whether it succeeded.
    public var success: Bool
    /// Whether it ran in one transaction.
    public var transactional: Bool
    /// For a failure: the statement's line and PostgreSQL's error.
    public var error: String?

    /// Creates a record.
    public init(
        rank: Int64, version: Int?, description: String, script: String, checksum: String, appliedAt: String,
        appliedBy: String, durationMilliseconds: Int64, success: Bool, transactional: Bool, error: String?
    ) {
        self.rank = rank
        self.version = version
        self.description = description
        self.script = script
        self.checksum = checksum
        self.appliedAt = appliedAt
        self.appliedBy = appliedBy
        self.durationMilliseconds = durationMilliseconds
        self.success = success
        self.transactional = transactional
        self.error = error
    }
}
