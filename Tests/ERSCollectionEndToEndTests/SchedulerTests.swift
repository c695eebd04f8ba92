import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 7: two `ers-server scheduler` processes with a schedule due every minute start each
/// minute's collection exactly once, also when the leader is killed.
@Suite("scheduler end to end", .timeLimit(.minutes(5)))
struct SchedulerTests {
    @Test func twoSchedulersStartEachMinuteOnce() async throws {
        guard let binary = EndToEnd.serverBinary(), let base = EndToEnd.database() else { return }
        try await E2EDatabase.with(base: base.url, passwordFile: base.passwordFile) { database in
            try await database.addHosts([("sched-001", "127.0.0.2", 2722)])
            try await ServerProcesses.with(binary: binary, label: "scheduler") { servers in
                var schedulers: [String: ChildProcess] = [:]
                for number in 1...2 {
                    let id = "e2e-scheduler-\(number)"
                    schedulers[id] = try servers.start("scheduler", name: id, environment: database.serverEnvironment.merging([
                        "HTTP_HOST": "127.0.0.1", "HTTP_PORT": String(EndToEnd.freePort()), "LOG_LEVEL": "info", "SCHEDULER_ID": id,
                        "COLLECTION_SCHEDULES": #"[{"name":"e2e","schedule":"* * * * *","reportType":"system"}]"#,
                        "SCHEDULER_LEASE_SECONDS": "3", "SCHEDULER_RENEW_SECONDS": "1", "SCHEDULER_CATCH_UP_SECONDS": "90", "JOB_MAX_ATTEMPTS": "2",
                    ]) { $1 })
                }
                let runs = { try await database.integer("SELECT count(*) FROM collections WHERE schedule_name = 'e2e'") }
                #expect(try await EndToEnd.waitUntil(seconds: 60) { try await runs() >= 1 }, "no scheduled run:\n\(servers.logs())")
                // Kill the leader: the other takes over within the lease and starts the next minute.
                let leader = try await database.lines("SELECT holder FROM scheduler_leases").first ?? ""
                let before = try await runs()
                schedulers[leader]?.signal(SIGKILL)
                #expect(schedulers[leader] != nil, "leader \(leader) is not one of the schedulers")
                #expect(try await EndToEnd.waitUntil(seconds: 100) { try await runs() > before }, "no run after the leader was killed:\n\(servers.logs())")
                let followerRunning = schedulers.filter { $0.key != leader }.values.allSatisfy { $0.isRunning }
                #expect(followerRunning)
                await servers.stopAll()
            }
            // Each minute from the first to the last run: exactly one collection, on the whole minute.
            let minutes = try await database.lines("""
                SELECT extract(epoch FROM scheduled_for)::bigint::text, count(*)::text FROM collections WHERE schedule_name = 'e2e' GROUP BY 1 ORDER BY 1
                """)
            #expect(minutes.count >= 2, "\(minutes)")
            let epochs = minutes.compactMap { Int($0.split(separator: "|")[0]) }
            #expect(minutes.allSatisfy { $0.hasSuffix("|1") }, "\(minutes)")
            #expect(epochs.allSatisfy { $0 % 60 == 0 }, "\(epochs)")
            if let first = epochs.first, let last = epochs.last {
                #expect(epochs == Array(stride(from: first, through: last, by: 60)), "a minute was skipped: \(epochs)")
            }
            #expect(try await database.integer("SELECT count(*) FROM jobs j JOIN collections c ON c.id = j.collection_id WHERE c.schedule_name = 'e2e'") == epochs.count)
        }
    }
}
