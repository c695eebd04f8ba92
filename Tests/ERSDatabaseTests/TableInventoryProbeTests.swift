@testable import ERSDatabase
import ERSModel
import ERSSQL
import Testing

/// The light catalog read a `maintain` with nothing to do stops at: it must never say "nothing
/// to do" where the full read would find work, a problem or an error (real PostgreSQL 15).
@Suite("Partition maintenance: the light read of a run with nothing to do")
struct TableInventoryProbeTests {
    let asOf = PartitionFixtures.january2026

    @Test(.timeLimit(.minutes(2))) func probeAgreesWithTheFullReadWhenEverythingIsInPlace() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 2, defaultPartition: true)
            try await database.withSession(timeZone: "UTC") { session in
                try await PartitionFixtures.create(table, months: (-1...2).map { asOf.advanced(by: $0) }, in: session)
                let probed = try #require(try await TableInventory.probe([table], in: session))
                let full = try await TableInventory.read([table], in: session)
                // The light read leaves out schemas and row estimates; the rest is the same.
                func light(_ partition: ExistingPartition) -> ExistingPartition {
                    var copy = partition
                    copy.schema = ""
                    copy.estimatedRows = -1
                    return copy
                }
                #expect(probed.map(\.partitions) == full.map { $0.partitions.map(light) })
                #expect(probed.map { PartitionPlan(inventory: $0, asOf: asOf) } == full.map { PartitionPlan(inventory: $0, asOf: asOf) })
                #expect(PartitionPlan(inventory: probed[0], asOf: asOf).actions.isEmpty)
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func aMissingTableOrOneWithoutPartitionsGoesToTheFullRead() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 1)
            try await database.withSession(timeZone: "UTC") { session in
                #expect(try await TableInventory.probe([table], in: session) == nil)
                try await PartitionFixtures.create(table, in: session)
                #expect(try await TableInventory.probe([table], in: session) == nil)
            }
        }
    }

    /// Regression guard for the light read: a table detached by a `drop` retention whose drop
    /// was interrupted is not a partition any more, so only the full read sees it.
    @Test(.timeLimit(.minutes(2))) func aRetiredTableLeftByAnInterruptedDropIsStillDropped() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 1, retention: Retention(months: 24, action: .drop))
            try await database.withSession(timeZone: "UTC") { session in
                try await PartitionFixtures.create(table, months: (-1...1).map { asOf.advanced(by: $0) }, in: session)
                try await session.execute("CREATE TABLE reports_p2023_01 (LIKE reports)")
                try await session.execute(
                    "COMMENT ON TABLE reports_p2023_01 IS 'ers retention: retired from public.reports, FOR VALUES FROM (''2023-01-01 00:00:00+00'') TO (''2023-02-01 00:00:00+00'')'")
                #expect(try await TableInventory.probe([table], in: session) == nil)
                let report = try await PartitionFixtures.maintainer(session, [table]).maintain()
                #expect(report.done.count == 1, "\(report)")
                #expect(report.done.first?.hasPrefix("reports: dropped public.reports_p2023_01, detached by retention") == true, "\(report)")
                #expect(try await TableInventory.probe([table], in: session) != nil)
            }
            #expect(try await PartitionFixtures.standaloneTables(in: database) == [])
        }
    }

    @Test(.timeLimit(.minutes(2))) func tablesKeptByADetachRetentionDoNotDefeatTheLightRead() async throws {
        try await TestDatabase.with { database in
            let kept = PartitionFixtures.reports(premake: 1, retention: Retention(months: 24, action: .detach))
            let dropped = PartitionFixtures.reports(name: "audit", premake: 1, retention: Retention(months: 24, action: .drop))
            try await database.withSession(timeZone: "UTC") { session in
                try await PartitionFixtures.create(kept, months: (-1...1).map { asOf.advanced(by: $0) }, in: session)
                try await PartitionFixtures.create(dropped, months: (-1...1).map { asOf.advanced(by: $0) }, in: session)
                try await session.execute("CREATE TABLE reports_p2023_01 (LIKE reports)")
                try await session.execute(
                    "COMMENT ON TABLE reports_p2023_01 IS 'ers retention: retired from public.reports, FOR VALUES FROM (''2023-01-01 00:00:00+00'') TO (''2023-02-01 00:00:00+00'')'")
                #expect(try await TableInventory.probe([kept, dropped], in: session) != nil)
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func anOverlapIsReportedByARunWithNothingToCreate() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 1)
            try await database.withSession(timeZone: "UTC") { session in
                try await PartitionFixtures.create(table, months: [asOf], in: session)
                try await session.execute(
                    "CREATE TABLE reports_mid PARTITION OF reports FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-15 00:00:00+00')")
                let report = try await PartitionFixtures.maintainer(session, [table]).maintain()
                #expect(report.done.isEmpty)
                #expect(report.problems.map(\.message).map { String($0.prefix(51)) } == ["2026-03 is partly held by partition public.reports_"], "\(report)")
            }
        }
    }

    /// A parent partitioned on a `timestamp` (no time zone) prints bounds without `+00`: the
    /// light read hands over, and the full read refuses the table even with every month there.
    @Test(.timeLimit(.minutes(2))) func aParentNotPartitionedByTimestamptzIsStillRefused() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 0)
            try await database.withSession(timeZone: "UTC") { session in
                try await session.execute("CREATE TABLE reports (id bigint, created_at timestamp NOT NULL) PARTITION BY RANGE (created_at)")
                try await session.execute(
                    "CREATE TABLE reports_p2026_01 PARTITION OF reports FOR VALUES FROM ('2026-01-01 00:00:00') TO ('2026-02-01 00:00:00')")
                #expect(try await TableInventory.probe([table], in: session) == nil)
                await #expect(throws: PartitionError.self) {
                    _ = try await PartitionFixtures.maintainer(session, [table]).maintain()
                }
            }
        }
    }
}
