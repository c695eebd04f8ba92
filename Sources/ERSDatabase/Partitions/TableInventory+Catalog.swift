import ERSModel
import ERSSQL
import PostgresNIO

extension TableInventory {
    /// Reads the inventory of every table in `tables` with one query (plus one per DEFAULT
    /// partition, for its rows per month), in a session whose `TimeZone` is UTC. Partitions come
    /// with `pg_get_expr(relpartbound, 0)`, which takes no lock. Relations in a parent's schema
    /// named like its monthly partitions (`<table>_pYYYY_MM`) that are not partitions of it are
    /// returned in ``occupiedNames``; tables an earlier retention run detached (their comment
    /// says so) in ``retiredTables``.
    /// - Throws: ``PartitionError/tableMissing(table:)`` or
    ///   ``PartitionError/notRangePartitioned(table:column:actual:)`` when a parent is not what
    ///   the spec says; ``DatabaseError``.
    static func read(_ tables: [PartitionedTable], in session: DatabaseSession) async throws -> [TableInventory] {
        guard !tables.isEmpty else { return [] }
        let rows = try await session.rows(catalogQuery(tables))
        var parents: [Int: (schema: String, columns: [String])] = [:]
        var partitions: [Int: [ExistingPartition]] = [:]
        var others: [Int: [(name: String, retired: Bool)]] = [:]
        for row in rows {
            // Cell by cell with concrete types: decoding the row as one 11-element tuple goes
            // through the runtime's generic metadata and costs milliseconds on first use.
            let cells = row.makeRandomAccess()
            let what = try cells[0].decode(String.self)
            let ordinal = try cells[1].decode(Int32.self)
            let schema = try cells[2].decode(String?.self)
            let name = try cells[3].decode(String?.self)
            let bound = try cells[4].decode(String?.self)
            let estimate = try cells[7].decode(Double?.self)
            let flag = try cells[8].decode(Bool?.self)
            let info = try cells[9].decode([String]?.self)
            let columns = try cells[10].decode([String]?.self)
            let index = Int(ordinal) - 1
            guard tables.indices.contains(index) else { throw DatabaseError.unexpectedResult("catalog row for table #\(ordinal)") }
            let table = tables[index]
            switch what {
            case "parent":
                guard let schema, let info, info.count == 5 else { throw PartitionError.tableMissing(table: table.name) }
                let (kind, strategy, keyCount, keyColumn, keyType) = (info[0], info[1], info[2], info[3], info[4])
                guard kind == "p", strategy == "r", keyCount == "1", keyColumn == table.partitionColumn, keyType == "timestamp with time zone" else {
                    let key = keyColumn.isEmpty ? "an expression" : "\(keyColumn) \(keyType)"
                    let actual = kind != "p" ? "not partitioned" : "partitioned by \(strategy == "r" ? "range" : strategy) on \(key)"
                    throw PartitionError.notRangePartitioned(table: table.name, column: table.partitionColumn, actual: actual)
                }
                parents[index] = (schema, columns ?? [])
            case "partition":
                guard let schema, let name, let bound else { throw DatabaseError.unexpectedResult("partition row without a name") }
                partitions[index, default: []].append(ExistingPartition(
                    schema: schema, name: name, bound: bound, lower: -.infinity, upper: .infinity,
                    isDefault: bound == "DEFAULT", estimatedRows: estimate ?? -1, detachPending: flag ?? false))
            default:
                guard let name else { throw DatabaseError.unexpectedResult("relation row without a name") }
                others[index, default: []].append((name, flag ?? false))
            }
        }
        try await resolveBounds(&partitions, in: session)
        var result: [TableInventory] = []
        for (index, table) in tables.enumerated() {
            guard let parent = parents[index] else { throw PartitionError.tableMissing(table: table.name) }
            let own = partitions[index] ?? []
            let ownNames = Set(own.filter { $0.schema == parent.schema }.map(\.name))
            let related = others[index] ?? []
            var inventory = TableInventory(
                table: table, schema: parent.schema, columns: parent.columns,
                partitions: own.sorted { lhs, rhs in
                    if lhs.isDefault != rhs.isDefault { return !lhs.isDefault }
                    return (lhs.lower, lhs.upper, lhs.name) < (rhs.lower, rhs.upper, rhs.name)
                },
                retiredTables: related.filter(\.retired).map(\.name).sorted(),
                occupiedNames: Set(related.filter { !$0.retired && !ownNames.contains($0.name) }.map(\.name)))
            if let defaultPartition = inventory.defaultPartition {
                inventory.defaultRowsByMonth = try await readDefaultRows(defaultPartition, column: table.partitionColumn, in: session)
            }
            result.append(inventory)
        }
        return result
    }

    /// One query for all `tables` (bound as arrays, in order): a `parent` row per table (its
    /// schema — NULL when the table does not exist —, relkind, partition strategy, key count,
    /// key column and type, insertable columns), a `partition` row per partition (its bound
    /// text, estimated rows, detach pending; ``resolveBounds(_:in:)`` reads the bounds), an
    /// `other` row per relation of the parent's schema named like a monthly partition or
    /// marked as retired (the flag).
    static func catalogQuery(_ tables: [PartitionedTable]) -> PostgresQuery {
        let names = tables.map(\.name)
        let prefixes = tables.map { $0.name + "_p" }
        let lengths = tables.map { Int32($0.name.utf8.count + PartitionNaming.monthSuffixLength) }
        return """
            WITH spec AS (
                SELECT s.ord::int4 AS ord, s.name, s.prefix, s.len, to_regclass(s.name) AS oid
                FROM unnest(\(names)::text[], \(prefixes)::text[], \(lengths)::int4[]) WITH ORDINALITY AS s(name, prefix, len, ord)
            ), parent AS (
                SELECT s.ord, s.name, s.prefix, s.len, c.oid, c.relnamespace, n.nspname::text AS schema,
                       ARRAY[c.relkind::text, coalesce(pt.partstrat::text, ''), coalesce(pt.partnatts::text, '0'),
                             coalesce(a.attname::text, ''), coalesce(format_type(a.atttypid, a.atttypmod), '')] AS info,
                       ARRAY(SELECT col.attname::text FROM pg_catalog.pg_attribute AS col
                             WHERE col.attrelid = c.oid AND col.attnum > 0 AND NOT col.attisdropped AND col.attgenerated = ''
                             ORDER BY col.attnum) AS columns
                FROM spec AS s
                LEFT JOIN pg_catalog.pg_class AS c ON c.oid = s.oid
                LEFT JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_partitioned_table AS pt ON pt.partrelid = c.oid
                LEFT JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum = pt.partattrs[0]
            )
            SELECT 'parent', p.ord, p.schema, NULL::text, NULL::text, NULL::float8, NULL::float8, NULL::float8, NULL::bool,
                   CASE WHEN p.oid IS NULL THEN NULL ELSE p.info END, p.columns
            FROM parent AS p
            UNION ALL
            SELECT 'partition', p.ord, n.nspname::text, c.relname::text, pg_catalog.pg_get_expr(c.relpartbound, 0),
                   NULL::float8, NULL::float8, c.reltuples::float8, i.inhdetachpending, NULL::text[], NULL::text[]
            FROM parent AS p
            JOIN pg_catalog.pg_inherits AS i ON i.inhparent = p.oid
            JOIN pg_catalog.pg_class AS c ON c.oid = i.inhrelid
            JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
            UNION ALL
            SELECT 'other', p.ord, p.schema, c.relname::text, NULL::text, NULL::float8, NULL::float8, NULL::float8,
                   NOT c.relispartition AND c.relkind IN ('r', 'p')
                       AND coalesce(starts_with(pg_catalog.obj_description(c.oid, 'pg_class'),
                                                'ers retention: retired from ' || p.schema || '.' || p.name || ','), false),
                   NULL::text[], NULL::text[]
            FROM parent AS p
            JOIN pg_catalog.pg_class AS c ON c.relnamespace = p.relnamespace
            WHERE (starts_with(c.relname, p.prefix) AND length(c.relname) = p.len)
               OR (NOT c.relispartition AND c.relkind IN ('r', 'p')
                   AND starts_with(pg_catalog.obj_description(c.oid, 'pg_class'), 'ers retention: retired from ' || p.schema || '.' || p.name || ','))
            """
    }

    /// Fills in every range partition's `lower` and `upper` from its bound text: read here
    /// (``PartitionBoundText``) where it can be, by the server otherwise (one query for all).
    static func resolveBounds(_ partitions: inout [Int: [ExistingPartition]], in session: DatabaseSession) async throws {
        var literals: [String] = []
        var pending: [(table: Int, index: Int, lower: String?, upper: String?)] = []
        for (table, list) in partitions {
            for (index, partition) in list.enumerated() where !partition.isDefault {
                switch PartitionBoundText.range(of: partition.bound) {
                case .seconds(let lower, let upper):
                    partitions[table]?[index].lower = lower
                    partitions[table]?[index].upper = upper
                case .needsServer(let lower, let upper, let known):
                    if let value = known.lower { partitions[table]?[index].lower = value }
                    if let value = known.upper { partitions[table]?[index].upper = value }
                    literals += [lower, upper].compactMap { $0 }
                    pending.append((table, index, lower, upper))
                case nil:
                    throw DatabaseError.unexpectedResult("partition bound \(partition.bound) of \(partition.name) is not a range bound")
                }
            }
        }
        guard !literals.isEmpty else { return }
        let rows = try await session.rows("SELECT x, extract(epoch FROM x::timestamptz)::float8 FROM unnest(\(literals)::text[]) AS x")
        var values: [String: Double] = [:]
        for row in rows {
            let (literal, seconds) = try row.decode((String, Double).self)
            values[literal] = seconds
        }
        for item in pending {
            if let lower = item.lower, let value = values[lower] { partitions[item.table]?[item.index].lower = value }
            if let upper = item.upper, let value = values[upper] { partitions[item.table]?[item.index].upper = value }
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
