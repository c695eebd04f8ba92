public import ERSModel
import ERSSQL

/// What maintenance would do to one table, computed from its ``TableInventory`` and the
/// current month — pure, so `plan` and `maintain` agree and the rules are unit-tested.
///
/// Rules, in the order the actions run:
/// 1. A partition whose detach is pending is finished (`FINALIZE`); when it lies beyond the
///    retention and the action is `drop`, it is dropped.
/// 2. With `retention.action: drop`, tables an earlier run detached (marked by their comment)
///    are dropped. Nothing is ever dropped without a retention.
/// 3. Every month from the earliest month held by a partition (or `asOf`, if earlier than
///    that) through `asOf + premake` — and through the latest month held, if later — that no
///    partition holds gets a partition named `<table>_pYYYY_MM` (so a missing month in the
///    middle is filled), except months before the retention cut-off. A month partly held by
///    another partition, or whose name another relation already has, is a problem instead.
/// 4. With a retention of `months`, every partition whose upper bound is at or before the
///    first instant of `asOf - (months - 1)` is detached — concurrently unless a DEFAULT
///    partition exists (PostgreSQL refuses that) — then dropped or kept per `action`.
public struct PartitionPlan: Sendable, Hashable {
    /// The table.
    public let table: String
    /// The actions, in order.
    public let actions: [PartitionAction]
    /// What maintenance will not do on its own.
    public let problems: [PartitionProblem]

    /// The plan for `inventory` as of the UTC month `asOf`.
    public init(inventory: TableInventory, asOf: YearMonth) {
        let table = inventory.table
        var actions: [PartitionAction] = []
        var problems: [PartitionProblem] = []
        let retention = table.retention
        let cutoff = retention.map { asOf.advanced(by: -(max($0.months, 1) - 1)) }
        let cutoffInstant = cutoff.map { Double($0.firstInstantUnixTime) }
        let dropRetired = retention?.action == .drop

        let range = inventory.rangePartitions
        for partition in range where partition.detachPending {
            actions.append(.finalizeDetach(partition))
            if dropRetired, let cutoffInstant, partition.upper <= cutoffInstant {
                actions.append(.dropRetired(schema: partition.schema, name: partition.name))
            }
        }
        if dropRetired {
            for name in inventory.retiredTables {
                actions.append(.dropRetired(schema: inventory.schema, name: name))
            }
        }

        let active = range.filter { !$0.detachPending }
        let (first, last) = PartitionPlan.window(active: active, asOf: asOf, premake: table.premake, cutoff: cutoff)
        let defaultPartition = inventory.defaultPartition
        let defaultRows = Dictionary(inventory.defaultRowsByMonth.map { ($0.month, $0.rows) }, uniquingKeysWith: +)
        let activeNames = Set(active.map(\.name))
        if first <= last {
            for month in first...last where !active.contains(where: { $0.covers(month) }) {
                if let other = active.first(where: { $0.overlaps(month) }) {
                    problems.append(PartitionProblem(
                        table: table.name,
                        message: "\(month) is partly held by partition \(other.qualifiedName) (\(other.bound)), so its monthly partition cannot be created; split or replace \(other.name) so that partitions follow UTC month bounds"))
                    continue
                }
                let name = PartitionNaming.partition(of: table.name, month: month)
                if inventory.occupiedNames.contains(name) || activeNames.contains(name) {
                    problems.append(PartitionProblem(
                        table: table.name,
                        message: "\(month) has no partition, and the name \(name) is taken by another relation in schema \(inventory.schema); rename that relation (or attach it with the month's bounds if it holds that month's rows)"))
                    continue
                }
                actions.append(.create(
                    month: month, name: name, movingRowsFrom: defaultPartition, rowsToMove: defaultRows[month.description] ?? 0))
            }
        }

        if let retention, let cutoffInstant {
            for partition in active where partition.upper <= cutoffInstant {
                actions.append(.retire(partition, concurrently: defaultPartition == nil, drop: retention.action == .drop))
            }
        }
        self.table = table.name
        self.actions = actions
        self.problems = problems
    }

    /// The months maintenance keeps partitions for: from the earliest month a partition holds
    /// (or `asOf`) to the latest (or `asOf + premake`), not before `cutoff`, within the years
    /// PostgreSQL bounds can be written for here (0001-01 … 9999-11).
    static func window(active: [ExistingPartition], asOf: YearMonth, premake: Int, cutoff: YearMonth?) -> (YearMonth, YearMonth) {
        let earliestAllowed = YearMonth(monthsSinceYearZero: 12)
        let latestAllowed = YearMonth(monthsSinceYearZero: 9999 * 12 + 10)
        var first = asOf
        var last = asOf.advanced(by: max(premake, 0))
        for partition in active {
            if partition.lower.isFinite, let month = PartitionPlan.month(containing: partition.lower) {
                first = min(first, month)
            }
            if partition.upper.isFinite, let month = PartitionPlan.month(containing: partition.upper - 1) {
                last = max(last, month)
            }
        }
        if let cutoff { first = max(first, cutoff) }
        return (max(first, earliestAllowed), min(last, latestAllowed))
    }

    /// The UTC month containing the instant `seconds`, when it is within the years 0001–9999.
    static func month(containing seconds: Double) -> YearMonth? {
        guard seconds > -62_135_596_800, seconds < 253_402_300_800 else { return nil }
        return YearMonth(containingUnixTime: Int64(seconds.rounded(.down)))
    }
}
