import ERSModel
import Foundation
import Testing

/// `kill -9` of `ersctl-db partitions maintain` in the middle of its work, then a rerun: the
/// partitions converge to exactly the expected set, with no orphan table and no pending detach.
@Suite("Interrupted partition maintenance")
struct InterruptedMaintenanceTests {
    let asOf = PartitionFixtures.january2026
    static let application = "ersctl-db partitions maintain"

    @Test(.timeLimit(.minutes(3))) func killedAfterCreatingATableLeavesNothingAndARerunConverges() async throws {
        guard let tool = TestEnvironment.ersctlDB(sourceLocation: #_sourceLocation) else { return }
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 2)
            try await database.withSession { try await PartitionFixtures.create(table, in: $0) }
            let file = try PartitionFixtures.partitionsFile([table])
            let arguments = ["partitions", "maintain", file, "--database-url", database.urlText, "--as-of", asOf.description]
            let run = try ToolRun(
                tool, arguments, environment: ["DATABASE_PASSWORD_FILE": database.passwordFile, "ERS_TEST_PAUSE_AFTER_CREATE_MS": "60000"])
            let paused = try await PartitionFixtures.eventually {
                try await PartitionFixtures.backends(of: Self.application, in: database).contains { $0.contains("|idle in transaction|") }
            }
            #expect(paused, "maintain never paused after CREATE TABLE: \(run.stderr)")
            #expect(run.stderr.contains("test hook: pausing 60000 ms after CREATE TABLE public.reports_p2026_01"))
            run.killHard()
            _ = try await run.wait()
            #expect(try await PartitionFixtures.eventually { try await PartitionFixtures.backends(of: Self.application, in: database).isEmpty })
            #expect(try await PartitionFixtures.partitions(of: "reports", in: database) == [])
            #expect(try await PartitionFixtures.standaloneTables(in: database) == [], "the created table went with its transaction")

            let rerun = try await ToolRun.run(tool, arguments, environment: ["DATABASE_PASSWORD_FILE": database.passwordFile])
            #expect(rerun.status == 0, "\(rerun.err)")
            #expect(try await PartitionFixtures.partitions(of: "reports", in: database) == PartitionFixtures.expected("reports", (0...2).map { asOf.advanced(by: $0) }))
            #expect(try await PartitionFixtures.standaloneTables(in: database) == [])
        }
    }

    @Test(.timeLimit(.minutes(3))) func killedDuringAConcurrentDetachLeavesItPendingAndARerunFinishesAndDrops() async throws {
        guard let tool = TestEnvironment.ersctlDB(sourceLocation: #_sourceLocation) else { return }
        try await TestDatabase.with { database in
            let table = PartitionFixtures.reports(premake: 1, retention: Retention(months: 3, action: .drop))
            try await database.withSession { try await PartitionFixtures.create(table, months: (-4...1).map { asOf.advanced(by: $0) }, in: $0) }
            let file = try PartitionFixtures.partitionsFile([table])
            let arguments = ["partitions", "maintain", file, "--database-url", database.urlText, "--as-of", asOf.description, "--detach-timeout", "120"]
            // An open transaction that has read the table: the concurrent detach waits for it to end.
            let blocker = try await database.session()
            try await blocker.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            try await blocker.execute("SELECT count(*) FROM reports")
            let run = try ToolRun(tool, arguments, environment: ["DATABASE_PASSWORD_FILE": database.passwordFile])
            let waiting = try await PartitionFixtures.eventually {
                try await PartitionFixtures.backends(of: Self.application, in: database).contains { $0.contains("|Lock|") && $0.contains("CONCURRENTLY") }
            }
            #expect(waiting, "maintain never waited in DETACH … CONCURRENTLY: \(run.stderr)")
            run.killHard()
            _ = try await run.wait()
            // The server notices the dead client within client_connection_check_interval (1 s);
            // if it has not, end the backend as a dropped network connection would.
            if !(try await PartitionFixtures.eventually(timeout: .seconds(5)) { try await PartitionFixtures.backends(of: Self.application, in: database).isEmpty }) {
                try await database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '\(Self.application)'")
            }
            #expect(try await PartitionFixtures.eventually { try await PartitionFixtures.backends(of: Self.application, in: database).isEmpty })
            try await blocker.execute("COMMIT")
            await blocker.close()
            #expect(try await PartitionFixtures.partitions(of: "reports", in: database).contains { $0.hasSuffix("|PENDING") }, "the detach was left pending")

            let rerun = try await ToolRun.run(tool, arguments, environment: ["DATABASE_PASSWORD_FILE": database.passwordFile])
            #expect(rerun.status == 0, "\(rerun.err)")
            #expect(rerun.out.contains("finished the pending detach"))
            #expect(try await PartitionFixtures.partitions(of: "reports", in: database) == PartitionFixtures.expected("reports", (-2...1).map { asOf.advanced(by: $0) }))
            #expect(try await PartitionFixtures.standaloneTables(in: database) == [], "retired partitions are dropped, none left behind")
        }
    }
}
