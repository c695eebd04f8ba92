public import ERSModel

/// Keeps the monthly partitions of the spec's tables — what `ersctl partitions
/// plan|maintain|status` runs. Bounds are UTC month starts whatever the server's or the
/// session's `TimeZone` (the session is set to UTC and bounds carry `+00`).
///
/// `maintain` reads the catalog without a lock; when there is work it takes
/// ``AdvisoryLock/schema``, reads again and carries out each table's ``PartitionPlan``:
/// new partitions are created as plain tables, given the bound's CHECK constraint (so
/// `ATTACH` needs no validation scan), filled with the DEFAULT partition's rows of their month
/// and attached, all in one transaction per month, under a short `lock_timeout` with retries
/// (``PartitionMaintainerOptions``). An interrupted run leaves no half-made partition: the
/// transaction rolls back. Retention detaches concurrently where PostgreSQL allows it.
public struct PartitionMaintainer: Sendable {
    /// The session (its `TimeZone`, `lock_timeout` and the advisory lock are session state).
    public let session: DatabaseSession
    /// The spec's partitioned tables.
    public let tables: [PartitionedTable]
    /// The current UTC month.
    public let asOf: YearMonth
    /// Timeouts and retries.
    public let options: PartitionMaintainerOptions
    /// Receives one line per step.
    public let log: @Sendable (String) -> Void

    /// A maintainer for `tables` as of the UTC month `asOf`.
    public init(
        session: DatabaseSession, tables: [PartitionedTable], asOf: YearMonth, options: PartitionMaintainerOptions = .init(),
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.session = session
        self.tables = tables
        self.asOf = asOf
        self.options = options
        self.log = log
    }

    /// Sets the session up: `TimeZone` UTC, `lock_timeout`, and a check of the client
    /// connection every second so that a killed client's statement is cancelled.
    /// - Throws: ``DatabaseError``.
    public func prepareSession() async throws {
        try await session.execute(
            """
            SELECT set_config('TimeZone', 'UTC', false), set_config('lock_timeout', '\(options.lockTimeout.wholeMilliseconds)ms', false),
                   set_config('client_connection_check_interval', '1000', false)
            """)
    }

    /// The catalog state of every table.
    /// - Throws: ``PartitionError``, ``DatabaseError``.
    public func inventories() async throws -> [TableInventory] {
        var result: [TableInventory] = []
        for table in tables {
            result.append(try await retrying("reading the catalog of \(table.name)") {
                try await TableInventory.read(table, in: session)
            })
        }
        return result
    }

    /// What `maintain` would do, changing nothing.
    /// - Throws: ``PartitionError``, ``DatabaseError``.
    public func plan() async throws -> [PartitionPlan] {
        try await prepareSession()
        return try await inventories().map { PartitionPlan(inventory: $0, asOf: asOf) }
    }

    /// Each table's partitions, gaps, DEFAULT rows and coverage.
    /// - Throws: ``PartitionError``, ``DatabaseError``.
    public func status() async throws -> [PartitionTableStatus] {
        try await prepareSession()
        return try await inventories().map { PartitionTableStatus(inventory: $0, asOf: asOf) }
    }

    /// Carries out every table's plan. Actions that still fail after their retries are
    /// reported in the result (the others go on); problems are reported, not acted on.
    /// - Throws: ``AdvisoryLockError``, ``PartitionError``, ``DatabaseError`` when the work
    ///   cannot start.
    public func maintain() async throws -> PartitionMaintenanceReport {
        try await prepareSession()
        let plans = try await inventories().map { PartitionPlan(inventory: $0, asOf: asOf) }
        var report = PartitionMaintenanceReport()
        if plans.allSatisfy(\.actions.isEmpty) {
            report.problems = plans.flatMap(\.problems)
            return report
        }
        let log = self.log
        try await AdvisoryLock.schema.acquire(in: session, timeout: options.lockWait, waiting: { log($0) })
        do {
            for inventory in try await inventories() {
                let table = inventory.table
                let plan = PartitionPlan(inventory: inventory, asOf: asOf)
                report.problems += plan.problems
                for action in plan.actions {
                    do {
                        let line = try await perform(action, inventory: inventory)
                        report.done.append("\(table.name): \(line)")
                        log("\(table.name): \(line)")
                    } catch {
                        let line = "\(table.name): could not \(action): \(error)"
                        report.failures.append(line)
                        log(line)
                    }
                }
            }
        } catch {
            try? await AdvisoryLock.schema.release(in: session)
            throw error
        }
        try await AdvisoryLock.schema.release(in: session)
        return report
    }
}

/// What `maintain` did.
public struct PartitionMaintenanceReport: Sendable, Hashable {
    /// One line per action carried out.
    public var done: [String] = []
    /// Problems left for a person (overlaps, names taken).
    public var problems: [PartitionProblem] = []
    /// Actions that failed after every retry.
    public var failures: [String] = []

    /// An empty report.
    public init() {}

    /// Whether everything wanted was done: no failure and no problem.
    public var isComplete: Bool { failures.isEmpty && problems.isEmpty }
}
