import ERSModel
import ERSSQL
import PostgresNIO

extension TableInventory {
    /// Reads the inventory of `table` in a session whose `TimeZone` is UTC. Relations in the
    /// parent's schema named like its monthly partitions (`<table>_pYYYY_MM`) that are not
    /// partitions of it are returned in ``occupiedNames``.
    /// - Throws: ``PartitionError/tableMissing(table:)`` or
    ///   ``PartitionError/notRangePartitioned(table:column:actual:)`` when the parent is not what
    ///   the spec says; ``DatabaseError``.
    static func read(_ table: PartitionedTable, in session: DatabaseSession) async throws -> TableInventory {
        let parentRows = try await session.rows(
            """
            SELECT n.nspname, c.relkind::text, coalesce(pt.partstrat::text, ''), coalesce(pt.partnatts::int4, 0),
                   coalesce(a.attname::text, ''), coalesce(format_type(a.atttypid, a.atttypmod), '')
            FROM pg_catalog.pg_class AS c
            JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_partitioned_table AS pt ON pt.partrelid = c.oid
            LEFT JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum = pt.partattrs[0]
            WHERE c.oid = to_regclass(\(table.name))
            """)
        guard let parent = parentRows.first else { throw PartitionError.tableMissing(table: table.name) }
        let (schema, kind, strategy, keyCount, keyColumn, keyType) = try parent.decode((String, String, String, Int32, String, String).self)
        guard kind == "p", strategy == "r", keyCount == 1, keyColumn == table.partitionColumn, keyType == "timestamp with time zone" else {
            let actual = kind != "p" ? "not partitioned" : "partitioned by \(strategy == "r" ? "range" : strategy) on \(keyColumn.isEmpty ? "an expression" : "\(keyColumn) \(keyType)")"
            throw PartitionError.notRangePartitioned(table: table.name, column: table.partitionColumn, actual: actual)
        }
        let partitions = try await readPartitions(of: table.name, in: session)
        let columnRows = try await session.rows(
            """
            SELECT attname::text FROM pg_catalog.pg_attribute
            WHERE attrelid = to_regclass(\(table.name)) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
            ORDER BY attnum
            """)
        let columns = try columnRows.map { try $0.decode(String.self) }
        let marker = TableInventory.retirementMarker(schema: schema, table: table.name)
        let otherRows = try await session.rows(
            """
            SELECT c.relname::text,
                   NOT c.relispartition AND c.relkind IN ('r', 'p') AND coalesce(starts_with(d.description, \(marker)), false)
            FROM pg_catalog.pg_class AS c
            JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_description AS d
              ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
            WHERE n.nspname = \(schema)
              AND ((starts_with(c.relname, \(table.name + "_p")) AND length(c.relname) = \(Int32(table.name.utf8.count + PartitionNaming.monthSuffixLength)))
                   OR (NOT c.relispartition AND c.relkind IN ('r', 'p') AND starts_with(d.description, \(marker))))
            ORDER BY c.relname
            """)
        let own = Set(partitions.map(\.name))
        var retired: [String] = []
        var occupied: Set<String> = []
        for row in otherRows {
            let (name, isRetired) = try row.decode((String, Bool).self)
            if isRetired { retired.append(name) } else if !own.contains(name) { occupied.insert(name) }
        }
        var inventory = TableInventory(
            table: table, schema: schema, columns: columns, partitions: partitions, retiredTables: retired, occupiedNames: occupied)
        if let defaultPartition = inventory.defaultPartition {
            inventory.defaultRowsByMonth = try await readDefaultRows(defaultPartition, column: table.partitionColumn, in: session)
        }
        return inventory
    }

    /// The partitions of `table`, DEFAULT last, the others by lower bound. Uses
    /// `pg_get_expr(relpartbound, 0)`, which takes no lock on the partitions.
    static func readPartitions(of table: String, in session: DatabaseSession) async throws -> [ExistingPartition] {
        let rows = try await session.rows(
            """
            SELECT n.nspname::text, c.relname::text, b.bound, b.bound = 'DEFAULT',
                   coalesce(extract(epoch FROM substring(b.bound FROM $re$FROM \\('([^']*)'\\)$re$)::timestamptz)::float8, '-infinity'),
                   coalesce(extract(epoch FROM substring(b.bound FROM $re$TO \\('([^']*)'\\)$re$)::timestamptz)::float8, 'infinity'),
                   c.reltuples::float8, i.inhdetachpending
            FROM pg_catalog.pg_inherits AS i
            JOIN pg_catalog.pg_class AS c ON c.oid = i.inhrelid
            JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL (SELECT pg_catalog.pg_get_expr(c.relpartbound, 0) AS bound) AS b
            WHERE i.inhparent = to_regclass(\(table))
            """)
        let partitions = try rows.map { row in
            let (schema, name, bound, isDefault, lower, upper, estimate, pending) =
                try row.decode((String, String, String, Bool, Double, Double, Double, Bool).self)
            return ExistingPartition(
                schema: schema, name: name, bound: bound, lower: lower, upper: upper, isDefault: isDefault,
                estimatedRows: estimate, detachPending: pending)
        }
        return partitions.sorted { lhs, rhs in
            if lhs.isDefault != rhs.isDefault { return !lhs.isDefault }
            return (lhs.lower, lhs.upper, lhs.name) < (rhs.lower, rhs.upper, rhs.name)
        }
    }

    /// Rows of the DEFAULT partition per UTC month of `column`.
    static func readDefaultRows(_ partition: ExistingPartition, column: String, in session: DatabaseSession) async throws -> [(month: String, rows: Int64)] {
        let key = SQLText.identifier(column)
        let rows = try await session.rows(
            PostgresQuery(unsafeSQL: """
                SELECT to_char(date_trunc('month', \(key) AT TIME ZONE 'UTC'), 'YYYY-MM'), count(*)
                FROM \(partition.qualifiedName) GROUP BY 1 ORDER BY 1
                """))
        return try rows.map { row in
            let (month, count) = try row.decode((String?, Int64).self)
            return (month ?? "NULL", count)
        }
    }
}
