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
                /// Whether a run exists for a minute that began after `date` (a boundary crossed).
                let runAfter = { (date: Date) in
                    try await database.integer("""
                        SELECT count(*) FROM collections WHERE schedule_name = 'e2e' AND scheduled_for > to_timestamp(\(date.timeIntervalSince1970))
                        """) > 0
                }
                #expect(try await EndToEnd.waitUntil(seconds: 60) { try await runs() >= 1 }, "no scheduled run:\n\(servers.logs())")
                // Both running across a minute boundary.
                let started = Date()
                #expect(try await EndToEnd.waitUntil(seconds: 100) { try await runAfter(started) }, "no run for the next minute:\n\(servers.logs())")
                // Kill the leader: the other takes over within the lease and starts the next minute.
                let leader = try await database.lines("SELECT holder FROM scheduler_leases").first ?? ""
                #expect(schedulers[leader] != nil, "leader \(leader) is not one of the schedulers")
                schedulers[leader]?.signal(SIGKILL)
                let killed = Date()
                #expect(try await EndToEnd.waitUntil(seconds: 100) { try await runAfter(killed) }, "no run after the leader was killed:\n\(servers.logs())")
                let followerRunning = schedulers.filter { $0.key != leader }.values.allSatisfy { $0.isRunning }
                #expect(followerRunning)
                let holder = try await database.lines("SELECT holder FROM scheduler_leases").first
                #expect(holder != leader && holder != nil, "lease holder after the kill: \(holder ?? "none")")
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
