import ERSModel
import ERSSQL

extension PartitionMaintainer {
    /// Most months created in one transaction.
    static let batchSize = 12

    /// The plan's actions in steps: up to ``batchSize`` consecutive creates that move no
    /// DEFAULT rows form one step (one statement, one transaction); every other action is a
    /// step of its own.
    static func steps(_ actions: [PartitionAction]) -> [[PartitionAction]] {
        var steps: [[PartitionAction]] = []
        var batch: [PartitionAction] = []
        for action in actions {
            if case .create(_, _, nil, _) = action {
                batch.append(action)
                if batch.count == batchSize {
                    steps.append(batch)
                    batch = []
                }
                continue
            }
            if !batch.isEmpty { steps.append(batch) }
            batch = []
            steps.append([action])
        }
        if !batch.isEmpty { steps.append(batch) }
        return steps
    }

    /// Carries out one step; returns a line per action done and per action failed.
    func perform(step: [PartitionAction], inventory: TableInventory) async -> (done: [String], failed: [String]) {
        let months = step.compactMap { action -> (month: YearMonth, name: String)? in
            if case .create(let month, let name, nil, _) = action { return (month, name) }
            return nil
        }
        guard months.count == step.count else {
            var done: [String] = []
            var failed: [String] = []
            for action in step {
                do {
                    done.append(try await perform(action, inventory: inventory))
                } catch {
                    failed.append("could not \(action): \(error)")
                }
            }
            return (done, failed)
        }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try await retrying("creating \(months.map(\.name).joined(separator: ", "))") {
                try await createAttached(months, inventory: inventory)
            }
            let took = (clock.now - start).wholeMilliseconds
            let together = months.count == 1 ? "" : ", \(months.count) months in one transaction"
            return (months.map { "created and attached \($0.name) for \($0.month) (\(took) ms\(together))" }, [])
        } catch {
            // One month may be the trouble: try them one by one, so the others are made.
            guard months.count > 1 else { return ([], ["could not \(step[0]): \(error)"]) }
            var done: [String] = []
            var failed: [String] = []
            for (month, action) in zip(months, step) {
                let one = clock.now
                do {
                    try await retrying("creating \(month.name)") { try await createAttached([month], inventory: inventory) }
                    done.append("created and attached \(month.name) for \(month.month) (\((clock.now - one).wholeMilliseconds) ms)")
                } catch {
                    failed.append("could not \(action): \(error)")
                }
            }
            return (done, failed)
        }
    }

    /// Creates and attaches `months` (no DEFAULT rows to move) in one statement — a `DO` block,
    /// so one round trip and one transaction: for each month `CREATE TABLE … (LIKE parent …,
    /// CHECK (bound))`, then for each `ATTACH PARTITION` (the CHECK stays: ``boundConstraint``). Writers are
    /// not held up: `ATTACH` takes SHARE UPDATE EXCLUSIVE on the parent, and the new tables are
    /// used by no one yet. With the test hook, `pg_sleep` runs after the `CREATE TABLE`s.
    func createAttached(_ months: [(month: YearMonth, name: String)], inventory: TableInventory) async throws {
        let table = inventory.table
        let parent = inventory.qualifiedParent
        let key = SQLText.identifier(table.partitionColumn)
        var creates: [String] = []
        var attaches: [String] = []
        for (month, name) in months {
            let partition = SQLText.qualified(inventory.schema, name)
            let bounds = try MonthlyPartition(table: SQLIdentifier(validating: table.name), month: month)
            let range = "\(key) >= \(bounds.lowerBound) AND \(key) < \(bounds.upperBound)"
            creates.append(
                "CREATE TABLE \(partition) (LIKE \(parent) \(Self.likeOptions), CONSTRAINT \(Self.boundConstraint) CHECK (\(key) IS NOT NULL AND \(range)));")
            attaches.append("ALTER TABLE \(parent) ATTACH PARTITION \(partition) \(bounds.boundSpec);")
        }
        var body = creates
        if let pause = options.pauseAfterCreate {
            log("test hook: pausing \(pause.wholeMilliseconds) ms after CREATE TABLE \(months.map { SQLText.qualified(inventory.schema, $0.name) }.joined(separator: ", "))")
            body.append("PERFORM pg_sleep(\(Double(pause.wholeMilliseconds) / 1000));")
        }
        body += attaches
        try await session.execute("DO $ers$\nBEGIN\n    " + body.joined(separator: "\n    ") + "\nEND\n$ers$")
    }

    /// What a new partition copies from its parent: defaults, CHECK constraints, storage,
    /// compression and generated columns (NOT NULL always). Not the identity: a PostgreSQL 15
    /// partition has none of its own, inserts through the parent use the parent's. Not the
    /// indexes: `ATTACH` creates them to match the parent's.
    static let likeOptions =
        "INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMPRESSION INCLUDING GENERATED"
}
