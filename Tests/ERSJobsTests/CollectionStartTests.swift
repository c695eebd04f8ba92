import ERSDatabase
import ERSFleet
import ERSJobs
import Foundation
import Testing

@Suite("Collections: enqueue by ids and selectors (real PostgreSQL)")
struct CollectionStartTests {
    @Test("selectors become jsonb operators: =, !=, exists, does not exist; disabled hosts get no job")
    func selectors() async throws {
        try await JobsDatabase.with { db in
            try await db.addHosts(2, prefix: "web", labels: #"{"role":"web","env":"prod"}"#)
            try await db.addHosts(2, prefix: "db", labels: #"{"role":"db","env":"prod","pci":"yes"}"#)
            try await db.addHosts(1, prefix: "lab", labels: #"{"role":"web"}"#)
            try await db.execute("UPDATE hosts SET disabled = true WHERE name = 'web-002'")
            let collections = db.collections()
            func hosts(_ selector: String) async throws -> [String] {
                guard case .started(let id, _) = try await collections.start(reportType: "system", hosts: .selector(try LabelSelector(selector)), requestedBy: nil)
                else { return ["not started"] }
                return try #require(try await collections.status(of: id)).hosts.map(\.hostname)
            }
            #expect(try await hosts("") == ["db-001", "db-002", "lab-001", "web-001"])
            #expect(try await hosts("role=web") == ["lab-001", "web-001"])
            #expect(try await hosts("role=web,env=prod") == ["web-001"])
            #expect(try await hosts("env!=prod") == ["lab-001"])
            #expect(try await hosts("pci") == ["db-001", "db-002"])
            #expect(try await hosts("!pci,env") == ["web-001"])
            let before = try await db.integer("SELECT count(*) FROM collections")
            #expect(try await hosts("role=none") == ["not started"])
            #expect(try await collections.start(reportType: "system", hosts: .selector(try LabelSelector("role=none")), requestedBy: nil) == .noMatchingHosts)
            #expect(try await db.integer("SELECT count(*) FROM collections") == before, "no empty collection row")
        }
    }

    @Test("regression: no enabled host matching (selector, disabled ids, scheduled run) writes nothing; a stale lease still answers notLeader")
    func nothingMatches() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(2, labels: #"{"env":"prod"}"#)
            try await db.execute("UPDATE hosts SET disabled = true")
            let collections = db.collections()
            #expect(try await collections.start(reportType: "system", hosts: .selector(try LabelSelector("env=prod")), requestedBy: "ann") == .noMatchingHosts)
            #expect(try await collections.start(reportType: "system", hosts: .ids(ids), requestedBy: "ann") == .noMatchingHosts)
            #expect(try await collections.start(reportType: "system", hosts: .ids([]), requestedBy: "ann") == .noMatchingHosts)
            let lease = SchedulerLease(client: db.client, logger: JobsDatabase.logger)
            let held = try #require(try await lease.acquire("scheduler", holder: "a", seconds: 30))
            let run = ScheduledRun(name: "nightly", scheduledFor: Date(timeIntervalSince1970: 1_767_225_600), lease: held)
            #expect(try await collections.start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "scheduler", schedule: run) == .noMatchingHosts)
            #expect(try await db.integer("SELECT count(*) FROM collections") == 0)
            #expect(try await db.integer("SELECT count(*) FROM jobs") == 0)
            try await db.execute("UPDATE scheduler_leases SET expires_at = now() - interval '1 second'")
            #expect(try await collections.start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "scheduler", schedule: run) == .notLeader)
            // Enabled again: the same run is created once.
            try await db.execute("UPDATE hosts SET disabled = false")
            let again = try #require(try await lease.acquire("scheduler", holder: "a", seconds: 30))
            let rerun = ScheduledRun(name: "nightly", scheduledFor: run.scheduledFor, lease: again)
            guard case .started(_, 2) = try await collections.start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "scheduler", schedule: rerun)
            else { Issue.record("not started"); return }
            #expect(try await collections.start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "scheduler", schedule: rerun) == .alreadyScheduled)
        }
    }

    @Test("a selector value with quotes cannot break out of its bound parameter")
    func injectionAttemptIsData() async throws {
        try await JobsDatabase.with { db in
            try await db.addHosts(2)
            // LabelSelector refuses such text outright; the SQL binds values anyway.
            #expect(throws: LabelError.self) { try LabelSelector(#"role=x' OR '1'='1"#) }
            guard case .started(_, let jobs) = try await db.collections().start(reportType: "system", hosts: .ids([1, 999]), requestedBy: nil)
            else { Issue.record("not started"); return }
            #expect(jobs == 1)
        }
    }

    @Test("enqueue writes the collection and its jobs in one statement and notifies ers_jobs")
    func notifies() async throws {
        try await JobsDatabase.with { db in
            try await db.addHosts(3)
            let signal = WakeSignal()
            let listener = JobNotificationListener(url: db.url, signal: signal, logger: JobsDatabase.logger)
            let task = Task { await listener.run() }
            defer { task.cancel() }
            // The listener is ready once a NOTIFY of our own reaches it.
            var ready = false
            for _ in 0..<100 where !ready {
                try await db.execute("NOTIFY ers_jobs")
                ready = await signal.wait(timeout: .milliseconds(100))
            }
            #expect(ready, "the listener never received a notification")
            while await signal.wait(timeout: .milliseconds(50)) {}
            let started = ContinuousClock.now
            _ = try await db.collections().start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: nil)
            let woke = await signal.wait(timeout: .seconds(30))
            let latency = ContinuousClock.now - started
            #expect(woke, "enqueue did not wake the listener within 30 s (the polling interval would have)")
            print("LISTEN/NOTIFY wake-up latency after enqueue: \(latency) (polling fallback would wait up to its interval)")
            #expect(try await db.integer("SELECT count(*) FROM jobs") == 3)
        }
    }

    @Test("a bad report type is refused before any SQL")
    func badReportType() async throws {
        try await JobsDatabase.with { db in
            await #expect(throws: JobsError.self) {
                _ = try await db.collections().start(reportType: "", hosts: HostChoice.ids([]), requestedBy: nil)
            }
        }
    }
}
