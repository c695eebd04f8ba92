import ERSDatabase
import ERSFleet
import ERSJobs
import Foundation
import PostgresNIO
import Testing

@Suite("Job queue: claims and leases (real PostgreSQL)")
struct QueueClaimTests {
    @Test("concurrent claimers never claim a job twice, and together claim every job")
    func claimExclusivity() async throws {
        try await JobsDatabase.with { db in
            try await db.addHosts(200)
            _ = try await db.collections().start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "test")
            let queue = db.queue()
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [Int64] = []
                        while true {
                            let jobs = try await queue.claim(limit: 7, worker: "w\(worker)")
                            if jobs.isEmpty { return mine }
                            mine += jobs.map(\.id)
                        }
                    }
                }
                var all: [Int64] = []
                for try await ids in group { all += ids }
                return all
            }
            #expect(claimed.count == 200)
            #expect(Set(claimed).count == 200, "a job was claimed twice")
            #expect(try await db.integer("SELECT count(*) FROM jobs WHERE state = 'running' AND attempts = 1") == 200)
            #expect(try await db.integer("SELECT count(DISTINCT lease_token) FROM jobs") == 200)
        }
    }

    @Test("claim takes ready jobs by run_at, returns the host row, skips jobs not yet due")
    func claimOrderAndHost() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(3)
            _ = try await db.collections().start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            try await db.execute("UPDATE jobs SET run_at = now() + interval '1 hour' WHERE hostname = 'host-001'")
            let jobs = try await db.queue().claim(limit: 10, worker: "w")
            #expect(jobs.map(\.hostname) == ["host-002", "host-003"])
            #expect(jobs.first?.host?.address == "127.0.0.1")
            #expect(jobs.first?.host?.transport == "ssh")
            #expect(jobs.first?.attempt == 1)
        }
    }

    /// Regression: a worker without a collector for a host's transport used to claim its job
    /// and fail it as permanent, so with workers configured differently jobs died at random.
    @Test("a worker claims only jobs of the transports it collects; the others wait for another worker")
    func claimByTransport() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(3)
            try await db.execute("UPDATE hosts SET transport = 'local', port = 1 WHERE name = 'host-002'")
            _ = try await db.collections().start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            let queue = db.queue()
            let local = try await queue.claim(limit: 10, worker: "local-only", transports: ["local"])
            #expect(local.map(\.hostname) == ["host-002"])
            #expect(try await queue.claim(limit: 10, worker: "local-only", transports: ["http", "local"]).isEmpty)
            #expect(try await db.integer("SELECT count(*) FROM jobs WHERE state = 'queued'") == 2, "the ssh jobs wait, untouched")
            let ssh = try await queue.claim(limit: 10, worker: "ssh", transports: ["http", "ssh"])
            #expect(ssh.map(\.hostname) == ["host-001", "host-003"])
            #expect(ssh.allSatisfy { $0.attempt == 1 })
        }
    }

    @Test("a job whose host row is gone is claimed by any worker (to be failed)")
    func claimOrphanByAnyWorker() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(1)
            _ = try await db.collections().start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            try await db.execute("DELETE FROM hosts")
            let jobs = try await db.queue().claim(limit: 10, worker: "local-only", transports: ["local"])
            #expect(jobs.count == 1 && jobs.first?.host == nil)
        }
    }

    @Test("an expired lease is rescued; the old token can then neither heartbeat, complete nor fail")
    func staleTokenIsRefused() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(1)
            _ = try await db.collections().start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            let queue = db.queue()
            let old = try #require(try await queue.claim(limit: 1, worker: "dead-worker").first)
            #expect(try await queue.heartbeat(old))
            #expect(try await queue.rescueExpired() == 0, "a live lease was rescued")
            try await db.execute("UPDATE jobs SET lease_expires_at = now() - interval '1 second'")
            #expect(try await queue.rescueExpired() == 1)
            let rescued = try await db.lines("SELECT state, last_error FROM jobs")
            #expect(rescued.first?.hasPrefix("failed|lease of worker dead-worker expired") == true)
            let new = try #require(try await queue.claim(limit: 1, worker: "w2").first)
            #expect(new.attempt == 2)
            #expect(new.leaseToken != old.leaseToken)

            #expect(try await queue.heartbeat(old) == false)
            #expect(try await queue.complete([ReportCompletion(jobID: old.id, leaseToken: old.leaseToken, json: "{}")]).isEmpty)
            #expect(try await queue.fail(old, JobFailure(.permanent, "stale")) == .leaseLost)
            #expect(try await queue.release(old, reason: "stale") == false)
            #expect(try await db.integer("SELECT count(*) FROM reports") == 0)
            #expect(try await db.lines("SELECT state, leased_by FROM jobs") == ["running|w2"])

            let stored = try await queue.complete([ReportCompletion(jobID: new.id, leaseToken: new.leaseToken, json: #"{"ok":true}"#)])
            #expect(stored.count == 1)
            #expect(try await db.lines("SELECT j.state, r.hostname, r.data::text FROM jobs j JOIN reports r ON r.id = j.report_id AND r.created_at = j.report_created_at")
                    == [#"succeeded|host-001|{"ok": true}"#])
        }
    }

    @Test("a report is stored exactly once when two workers (old and new lease) and a retried call complete the same job at once")
    func exactlyOnceUnderDoubleCompletion() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(20)
            _ = try await db.collections().start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            let queue = db.queue()
            let first = try await queue.claim(limit: 20, worker: "a")
            try await db.execute("UPDATE jobs SET lease_expires_at = now() - interval '1 second'")
            #expect(try await queue.rescueExpired() == 20)
            let second = try await queue.claim(limit: 20, worker: "b")
            #expect(second.count == 20)
            let attempts = (first + second + second).map { ReportCompletion(jobID: $0.id, leaseToken: $0.leaseToken, json: #"{"by":"x"}"#) }
            let stored = try await withThrowingTaskGroup(of: Int.self) { group in
                for completion in attempts.shuffled() {
                    group.addTask { try await queue.complete([completion]).count }
                }
                var total = 0
                for try await count in group { total += count }
                return total
            }
            #expect(stored == 20)
            #expect(try await db.integer("SELECT count(*) FROM reports") == 20)
            #expect(try await db.integer("SELECT count(DISTINCT hostname) FROM reports") == 20)
            #expect(try await db.integer("""
                SELECT count(*) FROM jobs j JOIN reports r ON r.id = j.report_id AND r.created_at = j.report_created_at
                WHERE j.state = 'succeeded' AND r.hostname = j.hostname
                """) == 20)
        }
    }

    @Test("a batch completion stores only the jobs whose lease is valid")
    func batchWithStaleMembers() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(4)
            _ = try await db.collections().start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            let queue = db.queue()
            let jobs = try await queue.claim(limit: 4, worker: "a")
            var batch = jobs.map { ReportCompletion(jobID: $0.id, leaseToken: $0.leaseToken, json: "{}") }
            batch[1].leaseToken = UUID()
            let stored = try await queue.complete(batch)
            #expect(stored.map(\.jobID) == [jobs[0].id, jobs[2].id, jobs[3].id])
            #expect(try await db.integer("SELECT count(*) FROM reports") == 3)
            #expect(try await db.lines("SELECT state FROM jobs ORDER BY id") == ["succeeded", "running", "succeeded", "succeeded"])
        }
    }
}
