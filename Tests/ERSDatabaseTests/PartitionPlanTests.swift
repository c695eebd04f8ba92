import ERSDatabase
import ERSModel
import Testing

/// The maintenance rules, without a database: inventories in, actions and problems out.
@Suite("Partition plan")
struct PartitionPlanTests {
    let asOf = PartitionFixtures.january2026

    /// A monthly partition as the catalog would describe it.
    func partition(_ month: YearMonth, name: String? = nil, pending: Bool = false) -> ExistingPartition {
        ExistingPartition(
            schema: "public", name: name ?? "reports_p\(month.description.replacing("-", with: "_"))",
            bound: "FOR VALUES FROM ('\(month.firstInstantLiteral)') TO ('\(month.next.firstInstantLiteral)')",
            lower: Double(month.firstInstantUnixTime), upper: Double(month.next.firstInstantUnixTime), isDefault: false,
            estimatedRows: -1, detachPending: pending)
    }

    var defaultPartition: ExistingPartition {
        ExistingPartition(
            schema: "public", name: "reports_default", bound: "DEFAULT", lower: -.infinity, upper: .infinity, isDefault: true,
            estimatedRows: 0, detachPending: false)
    }

    func plan(_ table: PartitionedTable, _ partitions: [ExistingPartition], defaultRows: [(String, Int64)] = [], retired: [String] = [], occupied: Set<String> = []) -> PartitionPlan {
        PartitionPlan(
            inventory: TableInventory(
                table: table, schema: "public", columns: ["id", "hostname", "payload", "created_at"], partitions: partitions,
                defaultRowsByMonth: defaultRows.map { (month: $0.0, rows: $0.1) }, retiredTables: retired, occupiedNames: occupied),
            asOf: asOf)
    }

    func summary(_ plan: PartitionPlan) -> [String] {
        plan.actions.map { action in
            switch action {
            case .create(let month, let name, let source, let rows): "create \(name) \(month)\(source == nil ? "" : " moving \(rows)")"
            case .retire(let partition, let concurrently, let drop): "retire \(partition.name)\(concurrently ? " concurrently" : "")\(drop ? " drop" : "")"
            case .finalizeDetach(let partition): "finalize \(partition.name)"
            case .dropRetired(_, let name): "drop \(name)"
            }
        }
    }

    @Test func anEmptyTableGetsTheCurrentMonthAndPremakeMonthsAhead() {
        #expect(summary(plan(PartitionFixtures.reports(premake: 2), [])) == [
            "create reports_p2026_01 2026-01", "create reports_p2026_02 2026-02", "create reports_p2026_03 2026-03",
        ])
    }

    @Test func existingMonthsAreRecognisedByBoundsNotNames() {
        let existing = [partition(asOf, name: "reports_jan"), partition(asOf.next, name: "whatever")]
        #expect(summary(plan(PartitionFixtures.reports(premake: 2), existing)) == ["create reports_p2026_03 2026-03"])
    }

    @Test func aMissingMonthInTheMiddleIsFilledAndOldOnesAreNotInvented() {
        let existing = [partition(asOf.advanced(by: -3)), partition(asOf.advanced(by: -1)), partition(asOf)]
        #expect(summary(plan(PartitionFixtures.reports(premake: 1), existing)) == [
            "create reports_p2025_11 2025-11", "create reports_p2026_02 2026-02",
        ])
    }

    @Test func aPartitionOverlappingAMonthIsAProblemNotACreate() {
        let mid = ExistingPartition(
            schema: "public", name: "reports_mid", bound: "FOR VALUES FROM ('2026-02-15 00:00:00+00') TO ('2026-03-15 00:00:00+00')",
            lower: Double(asOf.next.firstInstantUnixTime + 14 * 86_400), upper: Double(asOf.advanced(by: 2).firstInstantUnixTime + 14 * 86_400),
            isDefault: false, estimatedRows: 0, detachPending: false)
        let result = plan(PartitionFixtures.reports(premake: 3), [partition(asOf), mid])
        #expect(summary(result) == ["create reports_p2026_04 2026-04"])
        #expect(result.problems.count == 2)
        #expect(result.problems.first?.description.hasPrefix("reports: 2026-02 is partly held by partition public.reports_mid") == true)
    }

    @Test func aNameTakenByAnotherRelationIsAProblem() {
        let result = plan(PartitionFixtures.reports(premake: 1), [partition(asOf)], occupied: ["reports_p2026_02"])
        #expect(result.actions.isEmpty)
        #expect(result.problems.first?.message.contains("the name reports_p2026_02 is taken") == true)
    }

    @Test func withADefaultPartitionNewMonthsTakeTheirRowsAndRetentionDetachesInATransaction() {
        let table = PartitionFixtures.reports(premake: 1, retention: Retention(months: 2, action: .drop), defaultPartition: true)
        let result = plan(table, [partition(asOf.advanced(by: -2)), partition(asOf.advanced(by: -1)), partition(asOf), defaultPartition], defaultRows: [("2026-02", 7)])
        #expect(summary(result) == ["create reports_p2026_02 2026-02 moving 7", "retire reports_p2025_11 drop"])
    }

    @Test func retentionCountsTheCurrentMonthAndDetachesConcurrentlyWithoutADefault() {
        let table = PartitionFixtures.reports(premake: 0, retention: Retention(months: 3, action: .detach))
        let existing = (-5...0).map { partition(asOf.advanced(by: $0)) }
        #expect(summary(plan(table, existing)) == [
            "retire reports_p2025_08 concurrently", "retire reports_p2025_09 concurrently", "retire reports_p2025_10 concurrently",
        ])
    }

    @Test func nothingIsDroppedWithoutRetentionAndPendingDetachesAreFinished() {
        let pending = partition(asOf.advanced(by: -30), pending: true)
        #expect(summary(plan(PartitionFixtures.reports(premake: 0), [pending, partition(asOf)], retired: ["reports_p2020_01"])) == [
            "finalize reports_p2023_07",
        ])
        let dropping = PartitionFixtures.reports(premake: 0, retention: Retention(months: 12, action: .drop))
        #expect(summary(plan(dropping, [pending, partition(asOf)], retired: ["reports_p2020_01"])) == [
            "finalize reports_p2023_07", "drop reports_p2023_07", "drop reports_p2020_01",
        ])
    }

    @Test func statusCountsMonthsAheadAndGaps() {
        let table = PartitionFixtures.reports(premake: 3)
        let inventory = TableInventory(
            table: table, schema: "public", columns: [],
            partitions: [partition(asOf.advanced(by: -2)), partition(asOf), partition(asOf.next), partition(asOf.advanced(by: 3))])
        let status = PartitionTableStatus(inventory: inventory, asOf: asOf)
        #expect(status.monthsAhead == 1)
        #expect(status.isBelowPremake)
        #expect(status.gaps.map(\.description) == ["2025-12", "2026-03"])
        let uncovered = PartitionTableStatus(inventory: TableInventory(table: table, schema: "public", columns: [], partitions: []), asOf: asOf)
        #expect(uncovered.monthsAhead == nil && uncovered.isBelowPremake)
    }
}
