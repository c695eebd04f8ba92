import PostgresNIO

/// The history table, `ers_schema_history` in the connection's default schema: one row per
/// application (or failed attempt) of a migration file, Flyway-style.
///
/// A versioned file is applied when it has a successful row; a partial unique index allows one
/// successful row per version. A repeatable file gets a new row each time it is applied; its
/// latest successful row holds the checksum last applied.
public enum MigrationHistory {
    /// The table's name.
    public static let table = "ers_schema_history"

    /// The idempotent DDL of the table (run under the schema lock).
    static let createStatements = [
        """
        CREATE TABLE IF NOT EXISTS \(table) (
            installed_rank bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            version integer CHECK (version > 0),
            description text NOT NULL,
            script text NOT NULL,
            checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
            transactional boolean NOT NULL,
            applied_by text NOT NULL DEFAULT current_user,
            applied_at timestamptz NOT NULL DEFAULT now(),
            duration_ms bigint NOT NULL CHECK (duration_ms >= 0),
            success boolean NOT NULL,
            error text
        )
        """,
        "CREATE UNIQUE INDEX IF NOT EXISTS \(table)_version_applied ON \(table) (version) WHERE success AND version IS NOT NULL",
        """
        COMMENT ON TABLE \(table) IS 'Migrations applied by ersctl migrate (ersctl-db): one row per application or failed attempt; version is NULL for repeatable (R__) files; checksum is the SHA-256 of the file. Do not edit by hand: use ersctl migrate repair.'
        """,
    ]

    /// Whether the table exists (without creating it: `plan` and `status` change nothing).
    /// - Throws: ``DatabaseError``.
    static func exists(in session: DatabaseSession) async throws -> Bool {
        let rows = try await session.rows("SELECT to_regclass(\(table)) IS NOT NULL")
        guard let row = rows.first else { throw DatabaseError.unexpectedResult("to_regclass returned no row") }
        return try row.decode(Bool.self)
    }

    /// Creates the table when missing.
    /// - Throws: ``DatabaseError``.
    static func create(in session: DatabaseSession) async throws {
        for statement in createStatements { try await session.execute(statement) }
    }

    /// Every row, oldest first; empty when the table does not exist.
    /// - Throws: ``DatabaseError``.
    static func records(in session: DatabaseSession) async throws -> [MigrationRecord] {
        guard try await exists(in: session) else { return [] }
        let rows = try await session.rows(
            """
            SELECT installed_rank, version, description, script, checksum,
                   to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), applied_by, duration_ms,
                   success, transactional, error
            FROM \(unescaped: table) ORDER BY installed_rank
            """)
        return try rows.map { row in
            let (rank, version, description, script, checksum, appliedAt, appliedBy, duration, success, transactional, error) =
                try row.decode((Int64, Int32?, String, String, String, String, String, Int64, Bool, Bool, String?).self)
            return MigrationRecord(
                rank: rank, version: version.map(Int.init), description: description, script: script, checksum: checksum,
                appliedAt: appliedAt, appliedBy: appliedBy, durationMilliseconds: duration, success: success,
                transactional: transactional, error: error)
        }
    }

    /// Records an application (or a failure, with `error`) of `file`.
    /// - Throws: ``DatabaseError``.
    static func record(_ file: MigrationFile, durationMilliseconds: Int64, error: String?, in session: DatabaseSession) async throws {
        let version = file.version.map { Int32($0) }
        let query: PostgresQuery = """
            INSERT INTO \(unescaped: table) (version, description, script, checksum, transactional, duration_ms, success, error)
            VALUES (\(version), \(file.migrationDescription), \(file.name.description), \(file.checksum), \(!file.isNonTransactional),
                    \(durationMilliseconds), \(error == nil), \(error))
            """
        _ = try await session.rows(query)
    }
}
