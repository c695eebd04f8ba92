/// Applies the migration files of a directory to a database, once each, in order — what
/// `ersctl migrate plan|up|status|repair` runs.
///
/// - History: ``MigrationHistory`` (`ers_schema_history`) records version, description,
///   SHA-256, when, by whom, how long and whether it succeeded.
/// - Concurrency: `up` and `repair` hold ``AdvisoryLock/schema`` (polled, see
///   ``AdvisoryLock``), so runners started together (several pods at once) apply each file
///   exactly once; the others wait, then find nothing left to do.
/// - Transactions: each file runs in its own transaction, its history row written in that
///   same transaction; a file marked `-- ers:migrate no-transaction` runs statement by
///   statement outside one (for `CREATE INDEX CONCURRENTLY`), its row written after its last
///   statement.
/// - Safety: an applied versioned file whose checksum changed stops `up` before anything
///   runs (``MigrationError/changedFiles(_:repairCommand:)``); `repair` accepts the change.
/// - `plan` and `status` only read: they neither lock nor create the history table.
public struct MigrationRunner: Sendable {
    /// The connection (one session: the advisory lock is session state).
    public let session: DatabaseSession
    /// The files.
    public let directory: MigrationDirectory
    /// How long `up` and `repair` wait for the schema lock.
    public let lockWait: Duration
    /// The `repair` command line quoted in messages.
    public let repairCommand: String
    /// Receives one line per step (`applied 0001_create_reports.sql in 35 ms`).
    public let log: @Sendable (String) -> Void

    /// A runner; `repairCommand` is what messages tell the operator to run to accept a change.
    public init(
        session: DatabaseSession, directory: MigrationDirectory, lockWait: Duration = .seconds(600),
        repairCommand: String = "ersctl migrate repair --database-url URL --migrations DIR",
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.session = session
        self.directory = directory
        self.lockWait = lockWait
        self.repairCommand = repairCommand
        self.log = log
    }

    /// The directory compared with the history, read without a lock and without creating the
    /// history table. `plan` prints the files that would run; `status` every entry.
    /// - Throws: ``DatabaseError``.
    public func compare() async throws -> MigrationComparison {
        MigrationComparison(files: directory.files, records: try await MigrationHistory.records(in: session))
    }

    /// Applies every pending file (and every repeatable file whose checksum changed) in order.
    /// Returns the files applied.
    /// - Throws: ``MigrationError`` (changed or partly applied files, a failed statement),
    ///   ``AdvisoryLockError``, ``DatabaseError``.
    public func up() async throws -> [MigrationFile] {
        try await withSchemaLock {
            try await MigrationHistory.create(in: session)
            let comparison = MigrationComparison(files: directory.files, records: try await MigrationHistory.records(in: session))
            try check(comparison)
            for entry in comparison.missingFiles {
                log("warning: \(entry.script) is in \(MigrationHistory.table) but not in \(directory.path) (applied by a newer release?)")
            }
            let files = comparison.toRun
            for file in files {
                try await apply(file)
            }
            return files
        }
    }

    /// Accepts the files as they are: the recorded checksum of each changed applied file is
    /// set to the file's, and failed attempts are deleted from the history. Returns what was done.
    /// - Throws: ``AdvisoryLockError``, ``DatabaseError``.
    public func repair() async throws -> [String] {
        try await withSchemaLock {
            guard try await MigrationHistory.exists(in: session) else { return [] }
            let comparison = MigrationComparison(files: directory.files, records: try await MigrationHistory.records(in: session))
            var done: [String] = []
            for entry in comparison.changed {
                guard case .changed(let record) = entry.state, let file = entry.file else { continue }
                _ = try await session.rows(
                    """
                    UPDATE \(unescaped: MigrationHistory.table) SET checksum = \(file.checksum), description = \(file.migrationDescription),
                           script = \(file.name.description) WHERE installed_rank = \(record.rank)
                    """)
                done.append("accepted the changed \(file.path): checksum \(record.checksum.prefix(12))… → \(file.checksum.prefix(12))…")
            }
            let deleted = try await session.rows(
                "DELETE FROM \(unescaped: MigrationHistory.table) WHERE NOT success RETURNING script, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')")
            for row in deleted {
                let (script, when) = try row.decode((String, String).self)
                done.append("removed the failed attempt of \(script) from \(when) UTC")
            }
            return done
        }
    }

    /// Throws when `comparison` has changed applied files or partly applied failures: what
    /// keeps `up` from running.
    /// - Throws: ``MigrationError/changedFiles(_:repairCommand:)``, ``MigrationError/partlyApplied(_:repairCommand:)``.
    public func check(_ comparison: MigrationComparison) throws {
        if !comparison.changed.isEmpty {
            throw MigrationError.changedFiles(comparison.changed, repairCommand: repairCommand)
        }
        if !comparison.blockedFailures.isEmpty {
            throw MigrationError.partlyApplied(comparison.blockedFailures, repairCommand: repairCommand)
        }
    }

    /// Runs `body` holding the schema lock; releases it afterwards, also on error.
    func withSchemaLock<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        let log = self.log
        try await AdvisoryLock.schema.acquire(in: session, timeout: lockWait, waiting: { log($0) })
        do {
            let result = try await body()
            try await AdvisoryLock.schema.release(in: session)
            return result
        } catch {
            try? await AdvisoryLock.schema.release(in: session)
            throw error
        }
    }
}
