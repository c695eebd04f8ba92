import ERSDatabase
import ERSFleet
import ERSJobs
import Foundation
import Testing

/// A generator that always returns the same value: random draws at their ceiling.
struct MaximumGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { .max }
}

@Suite("Job queue: failures, retries, pruning (real PostgreSQL)")
struct QueueFailureTests {
    @Test("backoff ceilings double from the base and stop at the cap; draws stay within [0, ceiling]")
    func backoffGrowsAndIsCapped() {
        let options = QueueOptions(backoffBaseSeconds: 2, backoffCapSeconds: 60)
        #expect((1...8).map { options.backoffCeiling(afterAttempt: $0) } == [2, 4, 8, 16, 32, 60, 60, 60])
        #expect(options.backoffCeiling(afterAttempt: 10_000) == 60)
        for attempt in 1...8 {
            for _ in 0..<200 {
                let delay = options.backoff(afterAttempt: attempt)
                #expect(delay >= 0 && delay <= options.backoffCeiling(afterAttempt: attempt))
            }
        }
        var top = MaximumGenerator()
        #expect(options.backoff(afterAttempt: 3, using: &top) <= 8)
    }

    @Test("a transient failure is retried later (failed, run_at in the backoff window); a permanent one is dead at once")
    func transientVersusPermanent() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(2)
            _ = try await db.collections().start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            let queue = db.queue(QueueOptions(backoffBaseSeconds: 30, backoffCapSeconds: 30))
            let jobs = try await queue.claim(limit: 2, worker: "w")
            let retry = try await queue.fail(jobs[0], JobFailure(.transient, "connection refused"))
            guard case .retry(let delay) = retry else { Issue.record("expected a retry, got \(retry)"); return }
            #expect(delay >= 0 && delay <= 30)
            #expect(try await queue.fail(jobs[1], JobFailure(.permanent, "host key changed")) == .dead)
            #expect(try await db.lines("""
                SELECT state, error_kind, last_error, attempts::text, (run_at <= now() + interval '31 seconds')::text,
                       (finished_at IS NOT NULL)::text, (lease_token IS NULL)::text FROM jobs ORDER BY id
                """) == ["failed|transient|connection refused|1|true|false|true", "dead|permanent|host key changed|1|true|true|true"])
        }
    }

    @Test("after max_attempts transient failures the job is dead, and the collection status shows it")
    func deadAfterMaxAttempts() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(2)
            let collections = db.collections(maxAttempts: 3)
            guard case .started(let collection, 2) = try await collections.start(reportType: "system", hosts: .ids(ids), requestedBy: "ann")
            else { Issue.record("collection not started"); return }
            let queue = db.queue(QueueOptions(backoffBaseSeconds: 0, backoffCapSeconds: 0))
            var outcomes: [FailOutcome] = []
            for attempt in 1...3 {
                let jobs = try await queue.claim(limit: 10, worker: "w")
                var byHost: [String: ClaimedJob] = [:]
                for job in jobs { byHost[job.hostname] = job }
                guard let refused = byHost["host-001"] else { Issue.record("host-001 not claimed"); return }
                #expect(refused.attempt == attempt)
                outcomes.append(try await queue.fail(refused, JobFailure(.transient, "connect to 10.0.0.1 port 22: Connection refused")))
                if let other = byHost["host-002"] {
                    let stored = try await queue.complete([ReportCompletion(jobID: other.id, leaseToken: other.leaseToken, json: "{}")])
                    #expect(stored.count == 1)
                }
            }
            #expect(outcomes == [.retry(delaySeconds: 0), .retry(delaySeconds: 0), .dead])
            #expect(try await queue.claim(limit: 10, worker: "w").isEmpty, "a dead job was claimed")
            let status = try #require(try await collections.status(of: collection))
            #expect(status.counts == ["dead": 1, "succeeded": 1])
            #expect(status.isFinished)
            #expect(status.requestedBy == "ann")
            let dead = try #require(status.hosts.first)
            #expect(dead.hostname == "host-001" && dead.state == "dead" && dead.attempts == 3 && dead.maxAttempts == 3)
            #expect(dead.lastError == "connect to 10.0.0.1 port 22: Connection refused")
            #expect(status.hosts.last?.reportID != nil)
        }
    }

    @Test("rescue marks a job dead when its expired lease was its last attempt")
    func rescueOfLastAttempt() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(1)
            _ = try await db.collections(maxAttempts: 1).start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            _ = try await db.queue().claim(limit: 1, worker: "gone")
            try await db.execute("UPDATE jobs SET lease_expires_at = now() - interval '1 second'")
            #expect(try await db.queue().rescueExpired() == 1)
            #expect(try await db.lines("SELECT state, error_kind, (finished_at IS NOT NULL)::text FROM jobs") == ["dead|transient|true"])
        }
    }

    @Test("release at shutdown puts the job back, ready, without counting the attempt")
    func releaseAtShutdown() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(1)
            _ = try await db.collections().start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            let job = try #require(try await db.queue().claim(limit: 1, worker: "w").first)
            #expect(try await db.queue().release(job, reason: "worker w shut down"))
            #expect(try await db.lines("SELECT state, attempts::text, (lease_token IS NULL)::text FROM jobs") == ["queued|0|true"])
        }
    }

    @Test("postpone (circuit open) puts the job back for later without counting the attempt; a stale token cannot")
    func postpone() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(1)
            _ = try await db.collections().start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            let job = try #require(try await db.queue().claim(limit: 1, worker: "w").first)
            #expect(try await db.queue().postpone(job, seconds: 60, reason: "circuit open for 127.0.0.1"))
            #expect(try await db.queue().postpone(job, seconds: 60, reason: "again") == false)
            #expect(try await db.lines("""
                SELECT state, attempts::text, (run_at > now() + interval '50 seconds')::text, last_error FROM jobs
                """) == ["failed|0|true|circuit open for 127.0.0.1"])
            #expect(try await db.queue().claim(limit: 1, worker: "w").isEmpty)
        }
    }

    @Test("prune deletes old finished jobs in batches and keeps recent and unfinished ones")
    func pruneInBatches() async throws {
        try await JobsDatabase.with { db in
            let ids = try await db.addHosts(30)
            _ = try await db.collections().start(reportType: "system", hosts: .ids(ids), requestedBy: nil)
            try await db.execute("""
                UPDATE jobs SET state = 'dead', finished_at = now() - interval '10 days', last_error = 'x'
                WHERE hostname <= 'host-025'
                """)
            try await db.execute("UPDATE jobs SET state = 'dead', finished_at = now() WHERE hostname IN ('host-026', 'host-027')")
            let queue = db.queue(QueueOptions(retentionSeconds: 86_400, pruneBatchSize: 10))
            #expect(try await queue.pruneFinished(maxBatches: 2) == 20, "one call deletes at most maxBatches × batch size")
            #expect(try await queue.pruneFinished() == 5)
            #expect(try await queue.pruneFinished() == 0)
            #expect(try await db.integer("SELECT count(*) FROM jobs") == 5)
        }
    }
}
