public import ERSModel
public import ERSRender

/// Renders the PostgreSQL 15 DDL of the spec's range-partitioned tables (`reports`,
/// `audit_logs`, …) as migration files under `sql/`, for `ersctl render` and `ersctl migrate`.
///
/// What each table gets (correcting the seed's "Data Storage Design"): a 64-bit
/// `GENERATED ALWAYS AS IDENTITY` id, a `timestamptz NOT NULL` partition column, a primary key
/// that includes the partition column, `PARTITION BY RANGE (<column>)`, the spec's indexes on the
/// parent (PostgreSQL builds them on every partition), a `COMMENT ON TABLE` stating the scheme,
/// and monthly partitions named `<table>_pYYYY_MM` whose bounds are UTC month starts written
/// with an explicit offset (`'2026-01-01 00:00:00+00'`). No DEFAULT partition unless the spec
/// sets `defaultPartition: true`. Every statement is idempotent (`IF NOT EXISTS`), so applying
/// all files twice in a row succeeds. Source: PostgreSQL docs 5.11 "Table Partitioning".
///
/// ## Files and numbering
///
/// The migration runner records the SHA-256 of every applied file and refuses an applied file
/// whose text changed, so no file may change because of a later render with another `--as-of`
/// or an added table. Hence two kinds of files (see ``MigrationFileName``):
///
/// - `sql/NNNN_create_<table>.sql` — versioned, one per table; `NNNN` is the table's 1-based
///   position in `partitionedTables` (`0001_create_reports.sql`, `0002_create_audit_logs.sql`).
///   Holds the parent table, a check that an existing table of that name has the right
///   partition key, the comment and the indexes. Its text depends only on the table's name,
///   columns, keys and indexes — not on `--as-of`, `premake`, `retention` or
///   `defaultPartition` — so re-rendering never changes it. `partitionedTables` is therefore
///   append-only: a new table goes at the end and gets the next number; removing or reordering
///   tables renumbers files, which the runner reports as changed applied migrations.
///   Changing an existing table's columns or indexes in the spec changes its file the same way
///   (a schema change needs a migration of its own).
/// - `sql/R__partitions.sql` — repeatable: the DEFAULT partitions the spec asks for and, per
///   table, the monthly partitions from the `asOf` month through `premake` months after it
///   (`premake + 1` months). It is the only file that depends on `--as-of`; the runner applies
///   it after the versioned files and again whenever its checksum changes. It contains only
///   `CREATE TABLE IF NOT EXISTS … PARTITION OF …` (no PL/pgSQL, never a DROP), so applying it
///   again skips every partition that exists — in particular those `ersctl partitions
///   maintain` created later with the same names and bounds (``MonthlyPartition``).
///
/// All files run in a transaction (none carries ``MigrationHeader/nonTransactionalMarker``).
/// A table file holds a dollar-quoted `DO` block: a driver that takes one statement at a time
/// must cut files with ``SQLStatementSplitter``, not at every `;`.
/// The output is deterministic: the same spec and `asOf` give byte-identical files.
public struct PartitionDDLRenderer: Sendable {
    /// The first month that gets a partition (the CLI's `--as-of`, default the current UTC month).
    public let asOf: YearMonth

    /// The directory of the rendered files, relative to the output directory.
    public static let directory = "sql"
    /// The repeatable migration holding the partitions.
    public static let partitionsFile = MigrationFileName.repeatable(description: "partitions")

    /// A renderer creating partitions from `asOf` on.
    public init(asOf: YearMonth) {
        self.asOf = asOf
    }

    /// The migration files for `spec.partitionedTables`: one `sql/NNNN_create_<table>.sql` per
    /// table, in spec order, the ``ApplicationMigrations`` (`sql/0100_create_users.sql`), then
    /// `sql/R__partitions.sql`; only the application migrations when there are no tables.
    /// Throws ``SQLRenderError`` with every problem when ``validate(_:)`` finds an error.
    public func render(_ spec: SystemSpec) throws(SQLRenderError) -> [RenderedFile] {
        let problems = validate(spec).filter { $0.severity == .error }
        guard problems.isEmpty else { throw SQLRenderError(problems: problems) }
        let tables = spec.partitionedTables
        guard !tables.isEmpty else { return ApplicationMigrations.files() }
        var files: [RenderedFile] = []
        for (offset, table) in tables.enumerated() {
            let fileName = MigrationFileName.versioned(version: offset + 1, description: "create_" + MigrationFileName.describing(table.name))
            files.append(RenderedFile(path: "\(Self.directory)/\(fileName)", contents: tableMigration(table, fileName: fileName)))
        }
        files += ApplicationMigrations.files()
        let partitions = try partitionsMigration(tables)
        files.append(RenderedFile(path: "\(Self.directory)/\(Self.partitionsFile)", contents: partitions))
        return files
    }

    /// Where `table` sits in a spec: `partitionedTables[<name>]`.
    public static func path(of table: PartitionedTable) -> FieldPath {
        tablesPath.name(table.name)
    }

    /// `partitionedTables`.
    static let tablesPath = FieldPath.root.key("partitionedTables")
}
