import ERSModel
import PostgresNIO

extension TableInventory {
    /// The light read `maintain` starts with: one query for the partitions of every table in
    /// `tables` (name, bound as `pg_get_expr(relpartbound, 0)` prints it under
    /// `TimeZone=UTC`, detach pending) and — only when a table's retention drops — whether any
    /// table carries the retirement comment. Enough for ``PartitionPlan`` to tell "nothing to
    /// do", which is what a daily run finds almost every day: it leaves out what only matters
    /// once something is to be done (the parent's columns and key, the DEFAULT partition's rows
    /// per month, names taken by other relations), which ``read(_:in:)`` reads under the lock.
    ///
    /// Returns nil when the light read cannot vouch for the plan, so that the caller reads in
    /// full: a table is missing or has no partition, a bound is not a plain
    /// `FOR VALUES FROM ('…+00') TO ('…+00')` (MINVALUE, MAXVALUE, infinity, years past 9999,
    /// or a `timestamp`/`date` key: how a table partitioned other than by a `timestamptz`
    /// range shows), or a retired table may be waiting to be dropped. The key column's name
    /// is not checked here: the full read checks it before anything is created. Schemas are
    /// left empty (reading `pg_namespace` costs a fresh backend 0.6 ms): a plan from this
    /// read serves to tell "nothing to do" only; with a problem or an action, read in full.
    ///
    /// A fresh backend answers it in about 2.5 ms against about 7.5 ms for ``read(_:in:)``
    /// (docs/benchmarks.md, "Partitions").
    /// - Throws: ``DatabaseError``.
    static func probe(_ tables: [PartitionedTable], in session: DatabaseSession) async throws -> [TableInventory]? {
        guard !tables.isEmpty else { return [] }
        let dropsRetired = tables.contains { $0.retention?.action == .drop }
        let rows = try await session.rows(probeQuery(tables, lookingForRetired: dropsRetired))
        var partitions: [Int: [ExistingPartition]] = [:]
        for row in rows {
            let cells = row.makeRandomAccess()
            let ordinal = try cells[0].decode(Int32.self)
            let name = try cells[1].decode(String?.self)
            let bound = try cells[2].decode(String?.self)
            let pending = try cells[3].decode(Bool?.self)
            let retired = try cells[4].decode(Bool?.self)
            let index = Int(ordinal) - 1
            guard tables.indices.contains(index), let name, let bound, retired != true else { return nil }
            var partition = ExistingPartition(
                schema: "", name: name, bound: bound, lower: -.infinity, upper: .infinity,
                isDefault: bound == "DEFAULT", estimatedRows: -1, detachPending: pending ?? false)
            if !partition.isDefault {
                // Finite ends are `'…+00'` literals: what a timestamptz key prints under UTC.
                guard case .seconds(let lower, let upper) = PartitionBoundText.range(of: bound),
                      lower.isFinite, upper.isFinite else { return nil }
                partition.lower = lower
                partition.upper = upper
            }
            partitions[index, default: []].append(partition)
        }
        var result: [TableInventory] = []
        for (index, table) in tables.enumerated() {
            guard let own = partitions[index] else { return nil }
            result.append(TableInventory(
                table: table, schema: "", columns: [],
                partitions: own.sorted { lhs, rhs in
                    if lhs.isDefault != rhs.isDefault { return !lhs.isDefault }
                    return (lhs.lower, lhs.upper, lhs.name) < (rhs.lower, rhs.upper, rhs.name)
                }))
        }
        return result
    }

    /// The query of ``probe(_:in:)``: a row per partition of each table (`ord` is the table's
    /// 1-based place in `tables`; a missing table or one without partitions gives one row of
    /// NULLs; `pg_inherits` rows of a table are its partitions only — its indexes' children
    /// hang off the parent's indexes). When `lookingForRetired`, a row with the last column
    /// true per table whose retention drops and for which some table carries the retirement
    /// comment ``retirementMarker(schema:table:)`` (matched with `LIKE`, schema left open: a
    /// false match only means the full read).
    static func probeQuery(_ tables: [PartitionedTable], lookingForRetired: Bool) -> PostgresQuery {
        let names = tables.map(\.name)
        let drops = tables.map { $0.retention?.action == .drop }
        var query: PostgresQuery = """
            WITH s AS (
                SELECT t.ord::int4 AS ord, t.name, t.drops
                FROM unnest(\(names)::text[], \(drops)::bool[]) WITH ORDINALITY AS t(name, drops, ord)
            )
            SELECT s.ord, c.relname::text, pg_catalog.pg_get_expr(c.relpartbound, 0), i.inhdetachpending, false
            FROM s
            LEFT JOIN pg_catalog.pg_inherits AS i ON i.inhparent = to_regclass(s.name)
            LEFT JOIN pg_catalog.pg_class AS c ON c.oid = i.inhrelid
            """
        guard lookingForRetired else { return query }
        query.sql += """

            UNION ALL
            SELECT s.ord, NULL, NULL, NULL, true
            FROM s
            WHERE s.drops AND EXISTS (
                SELECT 1 FROM pg_catalog.pg_description AS d
                WHERE d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
                  AND d.description LIKE 'ers retention: retired from %.' || s.name || ',%')
            """
        return query
    }
}
