import ERSDatabase
import ERSFleet
import ERSJobs
import Foundation
import Testing

@Suite("Scheduler lease and scheduled runs (real PostgreSQL)")
struct SchedulerLeaseTests {
    static let dueTime = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01T00:00:00Z

    @Test("one holder at a time; a new acquisition after expiry raises the term; the former leader can neither renew nor insert")
    func fencing() async throws {
        try await JobsDatabase.with { db in
            try await db.addHosts(2)
            let lease = SchedulerLease(client: db.client, logger: JobsDatabase.logger)
            let a = try #require(try await lease.acquire("scheduler", holder: "a", seconds: 30))
            #expect(a.term == 1)
            #expect(try await lease.acquire("scheduler", holder: "b", seconds: 30) == nil, "two leaders at once")
            #expect(try await lease.renew(a, seconds: 30))
            try await db.execute("UPDATE scheduler_leases SET expires_at = now() - interval '1 second'")
            let b = try #require(try await lease.acquire("scheduler", holder: "b", seconds: 30))
            #expect(b.term == 2)
            #expect(try await lease.renew(a, seconds: 30) == false)
            let collections = db.collections()
            let stale = try await collections.start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "scheduler",
                                                    schedule: ScheduledRun(name: "fleet-hourly", scheduledFor: Self.dueTime, lease: a))
            #expect(stale == .notLeader)
            #expect(try await db.integer("SELECT count(*) FROM collections") == 0)
            let fresh = try await collections.start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "scheduler",
                                                    schedule: ScheduledRun(name: "fleet-hourly", scheduledFor: Self.dueTime, lease: b))
            guard case .started(_, 2) = fresh else { Issue.record("expected a started run, got \(fresh)"); return }
            #expect(try await db.lines("SELECT schedule_name, scheduler_term::text FROM collections") == ["fleet-hourly|2"])
            try await lease.release(b)
            #expect(try await lease.isHeld(b) == false)
            #expect(try await lease.acquire("scheduler", holder: "a", seconds: 30)?.term == 3)
        }
    }

    @Test("the same scheduled run started concurrently, and by two holders that both believe they lead, is created once")
    func scheduledRunCreatedOnce() async throws {
        try await JobsDatabase.with { db in
            try await db.addHosts(5)
            let lease = SchedulerLease(client: db.client, logger: JobsDatabase.logger)
            let a = try #require(try await lease.acquire("scheduler", holder: "a", seconds: 30))
            let collections = db.collections()
            let selector = try LabelSelector("")
            let results = try await withThrowingTaskGroup(of: CollectionQueue.StartResult.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        try await collections.start(reportType: "system", hosts: .selector(selector), requestedBy: "scheduler",
                                                    schedule: ScheduledRun(name: "fleet-hourly", scheduledFor: Self.dueTime, lease: a))
                    }
                }
                var all: [CollectionQueue.StartResult] = []
                for try await result in group { all.append(result) }
                return all
            }
            #expect(results.filter { if case .started = $0 { true } else { false } }.count == 1)
            #expect(results.filter { $0 == .alreadyScheduled }.count == 11)
            // A second holder that (wrongly) believes it leads, e.g. after the lease moved: the unique key still holds.
            try await db.execute("UPDATE scheduler_leases SET expires_at = now() - interval '1 second'")
            let b = try #require(try await lease.acquire("scheduler", holder: "b", seconds: 30))
            #expect(try await collections.start(reportType: "system", hosts: .selector(selector), requestedBy: "scheduler",
                                                schedule: ScheduledRun(name: "fleet-hourly", scheduledFor: Self.dueTime, lease: b)) == .alreadyScheduled)
            #expect(try await db.integer("SELECT count(*) FROM collections") == 1)
            #expect(try await db.integer("SELECT count(*) FROM jobs") == 5)
        }
    }
}
