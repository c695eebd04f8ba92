import ERSModel
import ERSRender
import ERSSQL
import Testing

/// The rendered DDL against a real PostgreSQL (a throw-away cluster per test; see
/// ``ThrowawayPostgres``). Fails when `CI` is set and no PostgreSQL can be started; otherwise
/// records a warning and checks nothing.
@Suite("Rendered DDL on PostgreSQL")
struct PostgresApplyTests {
    static let timeZones = ["UTC", "America/New_York", "Asia/Kolkata"]

    @Test(.timeLimit(.minutes(3))) func appliesTwiceAndRoutesTheFirstAndLastInstantOfEveryMonthToItsPartition() throws {
        let spec = try Fixtures.baseSpec()
        let asOf = Fixtures.january2026
        let files = try PartitionDDLRenderer(asOf: asOf).render(spec)
        guard let postgres = ThrowawayPostgres.startOrReport() else { return }
        defer { postgres.stop() }
        try postgres.psql("CREATE DATABASE ers;")
        // First as the migration runner applies them (one transaction per file), in a session
        // far east of UTC; then again statement by statement as SQLStatementSplitter cuts them
        // (as the runner does for a non-transactional file), west of UTC.
        for file in files {
            try postgres.psql(file.contents, database: "ers", singleTransaction: true, timeZone: "Asia/Kolkata")
        }
        for file in files {
            for statement in SQLStatementSplitter.statements(in: file.contents) {
                try postgres.psql(statement + ";", database: "ers", timeZone: "America/New_York")
            }
        }
        for table in spec.partitionedTables {
            try checkCatalog(of: table, asOf: asOf, in: postgres)
            for zone in Self.timeZones {
                try checkRouting(of: table, asOf: asOf, timeZone: zone, in: postgres)
            }
            try checkOutsideTheWindowIsRefused(table, asOf: asOf, in: postgres)
        }
    }

    @Test(.timeLimit(.minutes(3))) func refusesAnExistingSeedTableDefaultPartitionCatchesStrayRowsAndKeywordsMatch() throws {
        var spec = try Fixtures.baseSpec()
        spec.partitionedTables[1].defaultPartition = true
        let files = try PartitionDDLRenderer(asOf: Fixtures.january2026).render(spec)
        guard let postgres = ThrowawayPostgres.startOrReport() else { return }
        defer { postgres.stop() }

        // The seed's table: partitioned by a timestamp without time zone. The migration stops.
        try postgres.psql("CREATE DATABASE seed;")
        try postgres.psql(
            "CREATE TABLE reports (id serial, created_at timestamp DEFAULT CURRENT_TIMESTAMP) PARTITION BY RANGE (created_at);",
            database: "seed")
        #expect {
            try postgres.psql(files[0].contents, database: "seed", singleTransaction: true)
        } throws: { error in
            "\(error)".contains("table reports exists but is not range-partitioned by created_at timestamptz")
        }

        // A DEFAULT partition, when asked for, takes rows outside every month.
        try postgres.psql("CREATE DATABASE ers;")
        for file in files + files {
            try postgres.psql(file.contents, database: "ers", singleTransaction: true)
        }
        let landed = try postgres.psql(
            "INSERT INTO audit_logs (action, created_at) VALUES ('login', '2030-01-01 00:00:00+00') RETURNING tableoid::regclass;",
            database: "ers")
        #expect(landed == "audit_logs_default\n")

        // Regression: a later as-of applied again on the live database creates the new months
        // by ATTACH and moves the DEFAULT partition's rows of those months into them (CREATE
        // TABLE … PARTITION OF failed here: the DEFAULT held a row of the month).
        let later = try PartitionDDLRenderer(asOf: try #require(YearMonth(year: 2029, month: 11))).render(spec)
        let partitionsFile = try #require(later.last)
        try postgres.psql(partitionsFile.contents, database: "ers", singleTransaction: true, timeZone: "America/New_York")
        let moved = try postgres.psql(
            "SELECT tableoid::regclass, action FROM audit_logs WHERE created_at = '2030-01-01 00:00:00+00';", database: "ers")
        #expect(moved == "audit_logs_p2030_01|login\n")
        #expect(try postgres.psql("SELECT count(*) FROM audit_logs_default;", database: "ers") == "0\n")
        try postgres.psql(partitionsFile.contents, database: "ers", singleTransaction: true)
        #expect(try postgres.psql("SELECT count(*) FROM audit_logs;", database: "ers") == "1\n")

        // The reserved-word list is PostgreSQL's own.
        let words = try postgres.psql("SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T') ORDER BY word;")
        #expect(words.split(separator: "\n").map(String.init) == SQLIdentifier.reservedKeywords.sorted())
    }

    /// Partitions (names and bounds as PostgreSQL prints them in UTC), partition key, primary
    /// key, identity and column type.
    func checkCatalog(of table: PartitionedTable, asOf: YearMonth, in postgres: ThrowawayPostgres) throws {
        let parent = try SQLIdentifier(validating: table.name)
        let expected = try (asOf...asOf.advanced(by: table.premake)).map { month in
            let partition = try MonthlyPartition(table: parent, month: month)
            return "\(partition.name)|\(partition.boundSpec)"
        }
        let partitions = try postgres.psql(
            """
            SELECT c.relname, pg_get_expr(c.relpartbound, 0) FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
            WHERE i.inhparent = '\(table.name)'::regclass ORDER BY c.relname;
            """, database: "ers", timeZone: "UTC")
        #expect(partitions.split(separator: "\n").map(String.init) == expected)
        let shape = try postgres.psql(
            """
            SELECT pg_get_partkeydef('\(table.name)'::regclass),
                   (SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = '\(table.name)_pkey'),
                   (SELECT attidentity FROM pg_attribute WHERE attrelid = '\(table.name)'::regclass AND attname = 'id'),
                   (SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '\(table.name)'::regclass AND attname = '\(table.partitionColumn)'),
                   (SELECT partdefid FROM pg_partitioned_table WHERE partrelid = '\(table.name)'::regclass);
            """, database: "ers")
        #expect(shape == "RANGE (\(table.partitionColumn))|PRIMARY KEY (\(table.primaryKey.joined(separator: ", ")))|a|timestamp with time zone|0\n")
    }

    /// Inserts, through the parent and in a session in `timeZone`, a row at the first and at the
    /// last instant (last microsecond) of every created month, and reads back which partition
    /// holds each.
    func checkRouting(of table: PartitionedTable, asOf: YearMonth, timeZone: String, in postgres: ThrowawayPostgres) throws {
        let months = Array(asOf...asOf.advanced(by: table.premake))
        let tag = try #require(table.columns.first { ["text", "varchar"].contains(where: $0.type.hasPrefix) }?.name)
        var values: [String] = []
        var expected: [String] = []
        for month in months {
            let days = Int((month.next.firstInstantUnixTime - month.firstInstantUnixTime) / 86_400)
            let partition = PartitionNaming.partition(of: table.name, month: month)
            for (instant, text) in [
                (month.firstInstantLiteral, "\(month)-01 00:00:00.000000"),
                ("\(month)-\(days) 23:59:59.999999+00", "\(month)-\(days) 23:59:59.999999"),
            ] {
                values.append(try row(for: table, createdAt: instant, tag: tag, tagValue: timeZone))
                expected.append("\(partition)|\(text)")
            }
        }
        let columns = try insertColumns(of: table, tag: tag).joined(separator: ", ")
        let landed = try postgres.psql(
            """
            INSERT INTO \(table.name) (\(columns)) VALUES
            \(values.joined(separator: ",\n"));
            SELECT tableoid::regclass, to_char(\(table.partitionColumn) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')
            FROM \(table.name) WHERE \(tag) = '\(timeZone)' ORDER BY \(table.partitionColumn);
            """, database: "ers", timeZone: timeZone)
        #expect(landed.split(separator: "\n").map(String.init) == expected, "session TimeZone \(timeZone)")
    }

    /// The microsecond before the window and the first instant after it fit no partition.
    func checkOutsideTheWindowIsRefused(_ table: PartitionedTable, asOf: YearMonth, in postgres: ThrowawayPostgres) throws {
        let tag = try #require(table.columns.first { ["text", "varchar"].contains(where: $0.type.hasPrefix) }?.name)
        let columns = try insertColumns(of: table, tag: tag).joined(separator: ", ")
        let before = asOf.advanced(by: -1)
        let beforeDays = Int((asOf.firstInstantUnixTime - before.firstInstantUnixTime) / 86_400)
        for instant in ["\(before)-\(beforeDays) 23:59:59.999999+00", asOf.advanced(by: table.premake + 1).firstInstantLiteral] {
            let value = try row(for: table, createdAt: instant, tag: tag, tagValue: "outside")
            #expect {
                try postgres.psql("INSERT INTO \(table.name) (\(columns)) VALUES \(value);", database: "ers")
            } throws: { error in
                "\(error)".contains("no partition of relation \"\(table.name)\" found for row")
            }
        }
    }

    /// The columns an insert names: the tag, the partition column, and every column that
    /// needs a value (NOT NULL, no default, not an identity).
    func insertColumns(of table: PartitionedTable, tag: String) throws -> [String] {
        [tag, table.partitionColumn] + requiredColumns(of: table, tag: tag).map(\.name)
    }

    /// `(tag, created_at, …)` for ``insertColumns(of:tag:)``.
    func row(for table: PartitionedTable, createdAt: String, tag: String, tagValue: String) throws -> String {
        var values = ["'\(tagValue)'", "'\(createdAt)'"]
        for column in requiredColumns(of: table, tag: tag) {
            values.append(Self.sampleValue(for: try SQLColumnType(parsing: column.type)))
        }
        return "(\(values.joined(separator: ", ")))"
    }

    func requiredColumns(of table: PartitionedTable, tag: String) -> [Column] {
        table.columns.filter { column in
            column.name != tag && column.name != table.partitionColumn && column.identity != true && column.default == nil
                && !(column.nullable ?? !table.primaryKey.contains(column.name))
        }
    }

    static func sampleValue(for type: SQLColumnType) -> String {
        switch type {
        case .bigint, .integer, .smallint, .numeric: "0"
        case .text, .varchar: "'x'"
        case .jsonb, .json: "'{}'"
        case .timestamptz: "now()"
        case .boolean: "false"
        case .uuid: "'00000000-0000-0000-0000-000000000000'"
        case .inet: "'192.0.2.1'"
        }
    }
}
