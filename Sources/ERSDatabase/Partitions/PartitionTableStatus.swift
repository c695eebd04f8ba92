public import ERSModel

/// `ersctl partitions status` for one table: its partitions, the months missing between them,
/// the DEFAULT partition's rows and how far ahead partitions reach.
public struct PartitionTableStatus: Sendable, Hashable {
    /// What the catalog holds.
    public let inventory: TableInventory
    /// The current UTC month.
    public let asOf: YearMonth
    /// How many consecutive months after `asOf` have a partition, when `asOf` itself has one;
    /// nil when the current month has none (inserts for now fail or land in the DEFAULT).
    public let monthsAhead: Int?
    /// Months without a partition between the earliest and the latest month held.
    public let gaps: [YearMonth]
    /// Problems the plan reports (overlaps, names taken).
    public let problems: [PartitionProblem]
    /// What `maintain` would do now.
    public let plan: PartitionPlan

    /// The status of `inventory` as of `asOf`.
    public init(inventory: TableInventory, asOf: YearMonth) {
        self.inventory = inventory
        self.asOf = asOf
        let active = inventory.rangePartitions.filter { !$0.detachPending }
        func covered(_ month: YearMonth) -> Bool { active.contains { $0.covers(month) } }
        if covered(asOf) {
            var ahead = 0
            while ahead < 1200, covered(asOf.advanced(by: ahead + 1)) { ahead += 1 }
            monthsAhead = ahead
        } else {
            monthsAhead = nil
        }
        let months = active.flatMap { partition -> [YearMonth] in
            [partition.lower, partition.upper - 1].filter(\.isFinite).compactMap(PartitionPlan.month(containing:))
        }
        if let first = months.min(), let last = months.max(), first.distance(to: last) < 12_000 {
            gaps = (first...last).filter { !covered($0) }
        } else {
            gaps = []
        }
        plan = PartitionPlan(inventory: inventory, asOf: asOf)
        problems = plan.problems
    }

    /// Whether fewer than `premake` months ahead are covered (or the current month is not):
    /// `status` then exits non-zero.
    public var isBelowPremake: Bool { (monthsAhead ?? -1) < inventory.table.premake }

    /// Rows in the DEFAULT partition, all months together.
    public var defaultRows: Int64 { inventory.defaultRowsByMonth.reduce(0) { $0 + $1.rows } }
}
