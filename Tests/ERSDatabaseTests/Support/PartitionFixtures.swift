import ERSDatabase
import ERSModel
import ERSSQL
import Foundation

/// Partitioned tables for the maintenance tests.
enum PartitionFixtures {
    /// `2026-01`.
    static let january2026 = YearMonth(monthsSinceYearZero: 2026 * 12)

    /// The month `text` (`YYYY-MM`); January 2026 for text that is not one (never in these tests).
    static func month(_ text: String) -> YearMonth { YearMonth(text) ?? january2026 }

    /// A table like the spec's `reports`: identity id, hostname, payload, created_at; primary
    /// key (id, created_at); an index on created_at.
    static func reports(
        name: String = "reports", premake: Int = 3, retention: Retention? = nil, defaultPartition: Bool = false
    ) -> PartitionedTable {
        PartitionedTable(
            name: name, partitionColumn: "created_at", interval: .monthly, premake: premake, retention: retention,
            defaultPartition: defaultPartition,
            columns: [
                Column(name: "id", type: "bigint", nullable: false, identity: true),
                Column(name: "hostname", type: "text", nullable: false),
                Column(name: "payload", type: "jsonb"),
                Column(name: "created_at", type: "timestamptz", nullable: false, default: "now()"),
            ],
            primaryKey: ["id", "created_at"],
            indexes: [TableIndex(name: "idx_\(name)_created_at", columns: ["created_at"])])
    }

    /// Creates the parent of `table` (as the rendered migration does), its DEFAULT partition
    /// when asked for, and partitions for `months` with the standard names.
    static func create(_ table: PartitionedTable, months: [YearMonth] = [], in session: DatabaseSession) async throws {
        let name = table.name
        try await session.execute(
            """
            CREATE TABLE \(name) (
                id bigint GENERATED ALWAYS AS IDENTITY,
                hostname text NOT NULL,
                payload jsonb,
                created_at timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT \(name)_pkey PRIMARY KEY (id, created_at)
            ) PARTITION BY RANGE (created_at)
            """)
        try await session.execute("CREATE INDEX idx_\(name)_created_at ON \(name) (created_at)")
        if table.defaultPartition == true {
            try await session.execute("CREATE TABLE \(name)_default PARTITION OF \(name) DEFAULT")
        }
        for month in months {
            try await session.execute(try MonthlyPartition(table: SQLIdentifier(validating: name), month: month).createStatement)
        }
    }

    /// Each partition of `table` as `name|bound` (bounds printed in UTC), by name.
    static func partitions(of table: String, in database: TestDatabase) async throws -> [String] {
        try await database.withSession(timeZone: "UTC") { session in
            let rows = try await session.rows(
                .init(unsafeSQL: """
                    SELECT c.relname::text || '|' || pg_get_expr(c.relpartbound, 0) || CASE WHEN i.inhdetachpending THEN '|PENDING' ELSE '' END
                    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                    WHERE i.inhparent = '\(table)'::regclass ORDER BY c.relname
                    """))
            return try rows.map { try $0.decode(String.self) }
        }
    }

    /// `name|bound` of the monthly partitions ERS creates for `months` of `table`.
    static func expected(_ table: String, _ months: [YearMonth]) throws -> [String] {
        try months.map { month in
            let partition = try MonthlyPartition(table: SQLIdentifier(validating: table), month: month)
            return "\(partition.name)|\(partition.boundSpec)"
        }
    }

    /// Tables in the public schema that are not partitions and not parents: what an
    /// interrupted run could leave behind.
    static func standaloneTables(in database: TestDatabase) async throws -> [String] {
        try await database.lines(
            """
            SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relispartition AND c.relname <> 'ers_schema_history'
            ORDER BY 1
            """)
    }

    /// A maintainer over `tables` as of `asOf` with short waits for tests.
    static func maintainer(
        _ session: DatabaseSession, _ tables: [PartitionedTable], asOf: YearMonth = january2026,
        lockTimeout: Duration = .milliseconds(500)
    ) -> PartitionMaintainer {
        PartitionMaintainer(
            session: session, tables: tables, asOf: asOf,
            options: PartitionMaintainerOptions(lockTimeout: lockTimeout, attempts: 8, backoff: .milliseconds(100), backoffCap: .seconds(1), concurrentDetachTimeout: .seconds(20), lockWait: .seconds(60)))
    }
}

extension PartitionFixtures {
    /// A partitions file (`partitionedTables:` only, written as JSON, which YAML reads) for
    /// `ersctl-db partitions … FILE`.
    static func partitionsFile(_ tables: [PartitionedTable]) throws -> String {
        struct Document: Encodable { var partitionedTables: [PartitionedTable] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(Document(partitionedTables: tables))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ers-partitions-\(UUID().uuidString).yaml")
        try data.write(to: url)
        return url.path
    }

    /// Polls `condition` every 50 ms until it holds or `timeout` passes; returns whether it held.
    static func eventually(timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// The backends of `application` in `database`, as `pid|state|wait_event_type|query`.
    static func backends(of application: String, in database: TestDatabase) async throws -> [String] {
        try await database.lines(
            """
            SELECT pid::text || '|' || coalesce(state, '') || '|' || coalesce(wait_event_type, '') || '|' || coalesce(query, '')
            FROM pg_stat_activity WHERE datname = '\(database.name)' AND application_name = '\(application)'
            """)
    }
}
