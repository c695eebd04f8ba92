import ERSDatabase
import ERSModel
import ERSSQL
import Foundation
import Testing

/// Partition maintenance against a real PostgreSQL 15 (a database of its own per test).
@Suite("Partition maintenance on PostgreSQL")
struct PartitionMaintainerTests {
    let asOf = PartitionFixtures.january2026

    @Test(.timeLimit(.minutes(2))) func createsPremakeMonthsAttachedWithIndexesAndIsIdempotent() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 3)
            try await database.withSession { session in
                try await PartitionFixtures.create(table, in: session)
                let report = try await PartitionFixtures.maintainer(session, [table]).maintain()
                #expect(report.done.count == 4 && report.isComplete, "\(report)")
                let again = try await PartitionFixtures.maintainer(session, [table]).maintain()
                #expect(again.done.isEmpty && again.isComplete, "a second run does nothing: \(again)")
                let status = try await PartitionFixtures.maintainer(session, [table]).status()
                #expect(status.first?.monthsAhead == 3)
                #expect(status.first?.isBelowPremake == false)
                #expect(status.first?.gaps == [])
            }
            let months = (0...3).map { asOf.advanced(by: $0) }
            #expect(try await PartitionFixtures.partitions(of: "reports", in: database) == PartitionFixtures.expected("reports", months))
            // The parent's indexes exist on each new partition, each keeps the CHECK used for ATTACH
            // (exactly its bound), and the identity still numbers rows inserted through the parent.
            #expect(try await database.lines(
                "SELECT count(*)::text FROM pg_indexes WHERE tablename LIKE 'reports_p2026_%'") == ["8"])
            #expect(try await database.lines(
                "SELECT count(*)::text FROM pg_constraint WHERE conname = 'ers_partition_bound'") == ["4"])
            #expect(try await database.lines(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ers_partition_bound' AND conrelid = 'reports_p2026_02'::regclass")
                == ["CHECK (((created_at IS NOT NULL) AND (created_at >= '2026-02-01 00:00:00+00'::timestamp with time zone) AND (created_at < '2026-03-01 00:00:00+00'::timestamp with time zone)))"])
            try await database.execute(
                "INSERT INTO reports (hostname, created_at) VALUES ('a', '2026-01-01 00:00:00+00'), ('b', '2026-04-30 23:59:59.999999+00')")
            #expect(try await database.lines(
                "SELECT tableoid::regclass::text || '|' || id::text FROM reports ORDER BY id") == ["reports_p2026_01|1", "reports_p2026_04|2"])
        }
    }

    @Test(.timeLimit(.minutes(2))) func recognisesPartitionsByBoundsAndFillsAMissingMonth() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 1)
            try await database.withSession { session in
                try await PartitionFixtures.create(table, months: [asOf], in: session)
                // November 2025 under a name of its own: recognised by its bounds.
                try await session.execute(
                    "CREATE TABLE reports_november PARTITION OF reports FOR VALUES FROM ('2025-11-01 00:00:00+00') TO ('2025-12-01 00:00:00+00')")
                let plan = try await PartitionFixtures.maintainer(session, [table]).plan()
                #expect(plan.first?.actions.map(\.description).map { String($0.prefix(35)) } == [
                    "create reports_p2025_12 for 2025-12", "create reports_p2026_02 for 2026-02",
                ])
                _ = try await PartitionFixtures.maintainer(session, [table]).maintain()
            }
            let names = try await PartitionFixtures.partitions(of: "reports", in: database).map { $0.split(separator: "|")[0] }
            #expect(names == ["reports_november", "reports_p2025_12", "reports_p2026_01", "reports_p2026_02"])
        }
    }

    @Test(.timeLimit(.minutes(2))) func reportsAPartitionOverlappingAMonth() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 3)
            try await database.withSession { session in
                try await PartitionFixtures.create(table, months: [asOf], in: session)
                try await session.execute(
                    "CREATE TABLE reports_mid PARTITION OF reports FOR VALUES FROM ('2026-02-15 00:00:00+00') TO ('2026-03-15 00:00:00+00')")
                let report = try await PartitionFixtures.maintainer(session, [table]).maintain()
                #expect(report.problems.map(\.message).map { String($0.prefix(51)) } == [
                    "2026-02 is partly held by partition public.reports_", "2026-03 is partly held by partition public.reports_",
                ])
                #expect(!report.isComplete)
                #expect(report.done.count == 1 && report.done[0].contains("reports_p2026_04"))
                let status = try await PartitionFixtures.maintainer(session, [table]).status()
                #expect(status.first?.monthsAhead == 0 && status.first?.isBelowPremake == true)
                #expect(status.first?.problems.count == 2)
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func movesDefaultRowsOfThreeFutureMonthsKeepingIdsAndCounts() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 3, defaultPartition: true)
            try await database.withSession { session in
                try await PartitionFixtures.create(table, months: [asOf], in: session)
                // Rows for February, March and April 2026 (no partitions yet) and for 2030 land in the DEFAULT.
                try await session.execute(
                    """
                    INSERT INTO reports (hostname, created_at)
                    SELECT 'h' || g, timestamptz '2026-01-01 00:00:00+00' + (g * interval '1 hour')
                    FROM generate_series(1, 2160) AS g
                    """)
                try await session.execute("INSERT INTO reports (hostname, created_at) VALUES ('late', '2030-06-01 00:00:00+00')")
            }
            let countsSQL = "SELECT m || '|' || n FROM (SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS m, count(*) AS n FROM reports GROUP BY 1) AS s ORDER BY 1"
            let idsSQL = "SELECT string_agg(id::text || '@' || extract(epoch FROM created_at)::text, ',' ORDER BY id) FROM reports"
            let countsBefore = try await database.lines(countsSQL)
            let idsBefore = try await database.lines(idsSQL)
            #expect(countsBefore == ["2026-01|743", "2026-02|672", "2026-03|744", "2026-04|1", "2030-06|1"])
            #expect(try await database.lines("SELECT count(*)::text FROM reports_default") == ["1418"])

            let report = try await database.withSession { try await PartitionFixtures.maintainer($0, [table]).maintain() }
            #expect(report.isComplete, "\(report)")
            #expect(report.done.filter { $0.contains("moved") }.map { String($0.split(separator: "(")[1].prefix(16)) } == [
                "moved 672 rows f", "moved 744 rows f", "moved 1 row from",
            ])
            #expect(try await database.lines(countsSQL) == countsBefore, "every month keeps its rows")
            #expect(try await database.lines(idsSQL) == idsBefore, "every row keeps its id")
            #expect(try await database.lines(
                "SELECT p || '|' || n FROM (SELECT tableoid::regclass::text AS p, count(*) AS n FROM reports GROUP BY 1) AS s ORDER BY 1") == [
                    "reports_default|1", "reports_p2026_01|743", "reports_p2026_02|672", "reports_p2026_03|744", "reports_p2026_04|1",
                ])
            // The identity goes on after the moved rows.
            #expect(try await database.lines(
                "INSERT INTO reports (hostname, created_at) VALUES ('new', '2026-02-02 00:00:00+00') RETURNING (id > 2160)::text") == ["true"])
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: ["UTC", "America/New_York", "Asia/Kolkata"])
    func boundsAreTheSameWhateverTheSessionTimeZone(_ zone: String) async throws {
        try await TestDatabase.with { database in
            try await database.execute("ALTER DATABASE \(database.name) SET TimeZone = '\(zone)'")
            let table = PartitionFixtures.reports(premake: 5)
            try await database.withSession(timeZone: zone) { session in
                try await PartitionFixtures.create(table, in: session)
                // Over the year boundary, where an offset would move a bound into the wrong year.
                _ = try await PartitionFixtures.maintainer(session, [table], asOf: PartitionFixtures.month("2025-10")).maintain()
            }
            let months = (0...5).map { PartitionFixtures.month("2025-10").advanced(by: $0) }
            #expect(try await PartitionFixtures.partitions(of: "reports", in: database) == PartitionFixtures.expected("reports", months))
            try await database.execute(
                "INSERT INTO reports (hostname, created_at) VALUES ('edge', '2025-12-31 23:59:59.999999+00'), ('edge', '2026-01-01 00:00:00+00')")
            #expect(try await database.lines("SELECT tableoid::regclass::text FROM reports ORDER BY created_at") == [
                "reports_p2025_12", "reports_p2026_01",
            ])
        }
    }

    @Test(.timeLimit(.minutes(2))) func retentionDetachesConcurrentlyAndDrops() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 1, retention: Retention(months: 24, action: .drop))
            let months = (-26...1).map { asOf.advanced(by: $0) }
            try await database.withSession { session in
                try await PartitionFixtures.create(table, months: months, in: session)
                let plan = try await PartitionFixtures.maintainer(session, [table]).plan()
                #expect(plan.first?.actions.map(\.description).map { String($0.prefix(60)) } == [
                    "retire public.reports_p2023_11 (FOR VALUES FROM ('2023-11-01",
                    "retire public.reports_p2023_12 (FOR VALUES FROM ('2023-12-01",
                    "retire public.reports_p2024_01 (FOR VALUES FROM ('2024-01-01",
                ])
                let report = try await PartitionFixtures.maintainer(session, [table]).maintain()
                #expect(report.isComplete && report.done.allSatisfy { $0.contains("concurrently and dropped it") }, "\(report)")
            }
            #expect(try await PartitionFixtures.partitions(of: "reports", in: database) == PartitionFixtures.expected("reports", (-23...1).map { asOf.advanced(by: $0) }))
            #expect(try await PartitionFixtures.standaloneTables(in: database) == [])
        }
    }

    @Test(.timeLimit(.minutes(2))) func retentionWithADefaultPartitionDetachesInATransactionAndKeepsTheTable() async throws {
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 1, retention: Retention(months: 2, action: .detach), defaultPartition: true)
            try await database.withSession { session in
                try await PartitionFixtures.create(table, months: (-3...1).map { asOf.advanced(by: $0) }, in: session)
                let report = try await PartitionFixtures.maintainer(session, [table]).maintain()
                #expect(report.isComplete && report.done.count == 2, "\(report)")
                #expect(report.done.allSatisfy { $0.contains("kept as a table") && !$0.contains("concurrently") })
                let again = try await PartitionFixtures.maintainer(session, [table]).maintain()
                #expect(again.done.isEmpty, "detached tables are kept: \(again)")
            }
            #expect(try await PartitionFixtures.standaloneTables(in: database) == ["reports_p2025_10", "reports_p2025_11"])
            #expect(try await database.lines("SELECT obj_description('reports_p2025_10'::regclass, 'pg_class')").first?
                .hasPrefix("ers retention: retired from public.reports, FOR VALUES FROM ('2025-10-01 00:00:00+00')") == true)
        }
    }
}
