import ERSModel
import ERSSQL

extension PartitionMaintainer {
    /// The name of the CHECK constraint that states a new partition's bound before `ATTACH`,
    /// so that `ATTACH PARTITION` needs no validation scan (PostgreSQL docs 5.11.2.2,
    /// "Partition Maintenance"). It is kept afterwards: it states exactly the partition
    /// constraint, so it never refuses a row the partition takes; it costs two comparisons per
    /// inserted row; and it spares an `ALTER TABLE … DROP CONSTRAINT` per month (an ACCESS
    /// EXCLUSIVE lock on the partition and a catalog update: 15–20 % of the time of creating
    /// 120 partitions, docs/benchmarks.md). A partition detached by retention keeps it too, so
    /// it can be attached again without a scan.
    static let boundConstraint = "ers_partition_bound"

    /// Carries out one action (with retries) and returns what was done.
    /// - Throws: ``DatabaseError`` after the last try.
    func perform(_ action: PartitionAction, inventory: TableInventory) async throws -> String {
        let clock = ContinuousClock()
        let start = clock.now
        func took() -> String { "\((clock.now - start).wholeMilliseconds) ms" }
        switch action {
        case .finalizeDetach(let partition):
            try await retrying("finishing the detach of \(partition.name)") {
                try await finalizeDetach(partition, inventory: inventory)
            }
            return "finished the pending detach of \(partition.qualifiedName) in \(took())"
        case .dropRetired(let schema, let name):
            try await retrying("dropping \(name)") {
                try await session.execute("DROP TABLE IF EXISTS \(SQLText.qualified(schema, name))")
            }
            return "dropped \(SQLText.qualified(schema, name)), detached by retention, in \(took())"
        case .create(let month, let name, let source, _):
            guard source != nil else {
                try await retrying("creating \(name)") { try await createAttached([(month, name)], inventory: inventory) }
                return "created and attached \(name) for \(month) (\(took()))"
            }
            let moved = try await retrying("creating \(name)") {
                try await create(month: month, name: name, movingRowsFrom: source, inventory: inventory)
            }
            let move = source.map { " (moved \(moved) row\(moved == 1 ? "" : "s") from \($0.qualifiedName))" } ?? ""
            return "created and attached \(name) for \(month)\(move) in \(took())"
        case .retire(let partition, let concurrently, let drop):
            if concurrently {
                try await retrying("detaching \(partition.name)") {
                    try await detachConcurrently(partition, inventory: inventory)
                }
                if drop {
                    try await retrying("dropping \(partition.name)") {
                        try await session.execute("DROP TABLE IF EXISTS \(partition.qualifiedName)")
                    }
                }
            } else {
                try await retrying("detaching \(partition.name)") {
                    try await detachInTransaction(partition, inventory: inventory, drop: drop)
                }
            }
            return "detached \(partition.qualifiedName) (\(partition.bound))\(concurrently ? " concurrently" : "")\(drop ? " and dropped it" : ", kept as a table") in \(took())"
        }
    }

    /// One month, in one transaction: `CREATE TABLE … (LIKE parent …, CHECK (bound))`, the
    /// DEFAULT partition's rows of the month moved (keeping their ids: a partition has
    /// no identity of its own in PostgreSQL 15, so the ids are plain values here), `ATTACH
    /// PARTITION` (the CHECK stays: ``boundConstraint``). Returns the rows moved.
    func create(month: YearMonth, name: String, movingRowsFrom source: ExistingPartition?, inventory: TableInventory) async throws -> Int64 {
        let table = inventory.table
        let schema = inventory.schema
        let parent = inventory.qualifiedParent
        let partition = SQLText.qualified(schema, name)
        let key = SQLText.identifier(table.partitionColumn)
        let bounds = try MonthlyPartition(table: SQLIdentifier(validating: table.name), month: month)
        let range = "\(key) >= \(bounds.lowerBound) AND \(key) < \(bounds.upperBound)"
        return try await session.transaction {
            try await session.execute(
                """
                CREATE TABLE \(partition) (
                    LIKE \(parent) \(Self.likeOptions),
                    CONSTRAINT \(Self.boundConstraint) CHECK (\(key) IS NOT NULL AND \(range))
                )
                """)
            if let pause = options.pauseAfterCreate {
                log("test hook: pausing \(pause.wholeMilliseconds) ms after CREATE TABLE \(partition)")
                try await Task.sleep(for: pause)
            }
            var moved: Int64 = 0
            if let source {
                let columns = inventory.columns.map(SQLText.identifier).joined(separator: ", ")
                let rows = try await session.rows(
                    .init(unsafeSQL: """
                        WITH moved AS (DELETE FROM \(source.qualifiedName) WHERE \(range) RETURNING \(columns)),
                             inserted AS (INSERT INTO \(partition) (\(columns)) SELECT \(columns) FROM moved RETURNING 1)
                        SELECT count(*) FROM inserted
                        """))
                moved = try rows.first?.decode(Int64.self) ?? 0
            }
            try await session.execute("ALTER TABLE \(parent) ATTACH PARTITION \(partition) \(bounds.boundSpec)")
            return moved
        }
    }

    /// Marks the partition as retired by ERS (its comment), then `DETACH PARTITION …
    /// CONCURRENTLY` (outside a transaction, as PostgreSQL requires); when a previous try left
    /// the detach pending, `FINALIZE` instead.
    func detachConcurrently(_ partition: ExistingPartition, inventory: TableInventory) async throws {
        let parent = inventory.qualifiedParent
        let comment = TableInventory.retirementComment(schema: inventory.schema, table: inventory.table.name, partition: partition)
        if try await isDetachPending(partition, inventory: inventory) {
            try await finalizeDetach(partition, inventory: inventory)
            return
        }
        try await session.execute("COMMENT ON TABLE \(partition.qualifiedName) IS \(SQLText.literal(comment))")
        try await withLockTimeout(options.concurrentDetachTimeout) {
            try await session.execute("ALTER TABLE \(parent) DETACH PARTITION \(partition.qualifiedName) CONCURRENTLY")
        }
    }

    /// `DETACH PARTITION … FINALIZE`, with the longer lock timeout of concurrent detaches.
    func finalizeDetach(_ partition: ExistingPartition, inventory: TableInventory) async throws {
        let parent = inventory.qualifiedParent
        try await withLockTimeout(options.concurrentDetachTimeout) {
            try await session.execute("ALTER TABLE \(parent) DETACH PARTITION \(partition.qualifiedName) FINALIZE")
        }
    }

    /// Retention where a DEFAULT partition exists: mark, `DETACH PARTITION` and (with `drop`)
    /// `DROP TABLE` in one transaction, under the short `lock_timeout` (a plain detach takes
    /// ACCESS EXCLUSIVE on the parent, so writers wait behind it for at most that long).
    func detachInTransaction(_ partition: ExistingPartition, inventory: TableInventory, drop: Bool) async throws {
        let parent = inventory.qualifiedParent
        let comment = TableInventory.retirementComment(schema: inventory.schema, table: inventory.table.name, partition: partition)
        try await session.transaction {
            try await session.execute("COMMENT ON TABLE \(partition.qualifiedName) IS \(SQLText.literal(comment))")
            try await session.execute("ALTER TABLE \(parent) DETACH PARTITION \(partition.qualifiedName)")
            if drop { try await session.execute("DROP TABLE \(partition.qualifiedName)") }
        }
    }

    /// Runs `body` with `lock_timeout` set to `timeout`, then back to the usual one.
    func withLockTimeout(_ timeout: Duration, _ body: () async throws -> Void) async throws {
        try await session.execute("SET lock_timeout = '\(timeout.wholeMilliseconds)ms'")
        do {
            try await body()
        } catch {
            try? await session.execute("SET lock_timeout = '\(options.lockTimeout.wholeMilliseconds)ms'")
            throw error
        }
        try await session.execute("SET lock_timeout = '\(options.lockTimeout.wholeMilliseconds)ms'")
    }

    /// Whether `partition` is attached to `table` with a pending detach.
    func isDetachPending(_ partition: ExistingPartition, inventory: TableInventory) async throws -> Bool {
        let rows = try await session.rows(
            """
            SELECT i.inhdetachpending FROM pg_catalog.pg_inherits AS i
            WHERE i.inhparent = to_regclass(\(inventory.qualifiedParent)) AND i.inhrelid = to_regclass(\(partition.qualifiedName))
            """)
        return try rows.first?.decode(Bool.self) ?? false
    }
}
