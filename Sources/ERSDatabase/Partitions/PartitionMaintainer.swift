public import ERSModel

/// Keeps the monthly partitions of the spec's tables — what `ersctl partitions
/// plan|maintain|status` runs. Bounds are UTC month starts whatever the server's or the
/// session's `TimeZone` (the session is set to UTC and bounds carry `+00`).
///
/// `maintain` reads the catalog without a lock — the light read of
/// ``TableInventory/probe(_:in:)`` first, which is all a run with nothing to do needs —; when
/// there is work it takes ``AdvisoryLock/schema``, reads in full and carries out each table's
/// ``PartitionPlan``: new partitions are created as plain tables with the bound's CHECK
/// constraint (so `ATTACH` needs no validation scan), filled with the DEFAULT partition's rows
/// of their month and attached — one transaction per month when a DEFAULT partition exists,
/// else up to 12 months in one statement — under a short `lock_timeout` with retries
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

    /// The session settings maintenance works under: `TimeZone` UTC, `lock_timeout`, and a
    /// check of the client connection every second so that a killed client's statement is
    /// cancelled. Pass them to ``DatabaseSession/connect(to:applicationName:settings:logger:)``
    /// to save ``prepareSession()`` its round trip.
    public static func sessionSettings(_ options: PartitionMaintainerOptions) -> [String: String] {
        ["TimeZone": "UTC", "lock_timeout": "\(options.lockTimeout.wholeMilliseconds)ms", "client_connection_check_interval": "1000"]
    }

    /// Applies ``sessionSettings(_:)`` unless the session was opened with them.
    /// - Throws: ``DatabaseError``.
    public func prepareSession() async throws {
        let settings = Self.sessionSettings(options)
        guard session.settings != settings else { return }
        let assignments = settings.sorted { $0.key < $1.key }.map { "set_config(\(SQLText.literal($0.key)), \(SQLText.literal($0.value)), false)" }
        try await session.execute("SELECT " + assignments.joined(separator: ", "))
    }

    /// The catalog state of every table.
    /// - Throws: ``PartitionError``, ``DatabaseError``.
    public func inventories() async throws -> [TableInventory] {
        try await retrying("reading the catalog") {
            try await TableInventory.read(tables, in: session)
        }
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
        var report = PartitionMaintenanceReport()
        // The light read first: a run with nothing to do and nothing to report ends there.
        // Work ahead goes straight to the lock; anything else (a problem to word, a table the
        // light read cannot vouch for) is told by the full read.
        let probed = try await retrying("reading the catalog") { try await TableInventory.probe(tables, in: session) }
        let probedPlans = probed?.map { PartitionPlan(inventory: $0, asOf: asOf) }
        if let probedPlans, probedPlans.allSatisfy({ $0.actions.isEmpty && $0.problems.isEmpty }) { return report }
        if probedPlans?.allSatisfy(\.actions.isEmpty) ?? true {
            let plans = try await inventories().map { PartitionPlan(inventory: $0, asOf: asOf) }
            if plans.allSatisfy(\.actions.isEmpty) {
                report.problems = plans.flatMap(\.problems)
                return report
            }
        }
        let log = self.log
        try await AdvisoryLock.schema.acquire(in: session, timeout: options.lockWait, waiting: { log($0) })
        do {
            for inventory in try await inventories() {
                let table = inventory.table
                let plan = PartitionPlan(inventory: inventory, asOf: asOf)
                report.problems += plan.problems
                for step in Self.steps(plan.actions) {
                    let (done, failed) = await perform(step: step, inventory: inventory)
                    for line in done {
                        report.done.append("\(table.name): \(line)")
                        log("\(table.name): \(line)")
                    }
                    for line in failed {
                        report.failures.append("\(table.name): \(line)")
                        log("\(table.name): \(line)")
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
