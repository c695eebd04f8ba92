import ERSCollectors
import ERSDatabase
import ERSFleet
import ERSJobs
import ERSWorker
import Foundation
import Testing

/// PostgreSQL restarted under a running worker. Uses a PostgreSQL of its own (scripts/services-up.sh
/// with its own state directory and ports), never the shared test server.
@Suite("Worker across a PostgreSQL restart", .serialized)
struct RestartTests {
    static let state = "/tmp/ers-pgr"

    static func sh(_ command: String) -> Int32 { system(command) }

    @Test("pg_ctl restart in the middle of a collection: the worker recovers without a restart, every host gets exactly one report")
    func restartDuringCollection() async throws {
        let root = JobsDatabase.repositoryRoot.path
        guard Self.sh("ERS_STATE_DIR=\(Self.state) ERS_PG_PORT=55499 ERS_REDIS_PORT=56499 '\(root)/scripts/services-up.sh' >/tmp/ers-pgr.log 2>&1") == 0 else {
            Issue.record("could not start a private PostgreSQL (see /tmp/ers-pgr.log) — not run",
                         severity: ProcessInfo.processInfo.environment["CI"] != nil ? .error : .warning)
            return
        }
        defer { _ = Self.sh("ERS_STATE_DIR=\(Self.state) '\(root)/scripts/services-down.sh' >/dev/null 2>&1") }
        let server = try DatabaseURL(parsing: "postgres://ers@127.0.0.1:55499/ers_test?sslmode=disable", passwordFile: "\(Self.state)/pg-ers.password")
        try await JobsDatabase.with(server: server) { db in
            try await db.addHosts(200)
            _ = try await db.collections().start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: "test")
            let collector = ScriptedCollector { target in
                try? await Task.sleep(for: .milliseconds(40))
                return ScriptedCollector.report(target)
            }
            let options = QueueOptions(leaseSeconds: 3, backoffBaseSeconds: 0.1, backoffCapSeconds: 0.5)
            let worker = Worker(queue: db.queue(options), collectors: CollectorSet([.ssh: collector]),
                                configuration: WorkerConfiguration(workerID: "w", concurrency: 4, queue: options, heartbeatSeconds: 1,
                                                                   pollSeconds: 1, rescueSeconds: 1),
                                listenURL: db.url, drainSeconds: 5, logger: JobsDatabase.logger)
            let task = Task { try await worker.run() }
            func count(_ sql: String) async -> Int { (try? await db.integer(sql)) ?? -1 }
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline, await count("SELECT count(*) FROM reports") < 30 { try await Task.sleep(for: .milliseconds(20)) }
            let before = await count("SELECT count(*) FROM reports")
            let restarted = Self.sh("runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D \(Self.state)/pg/data -m fast -w -t 60 restart >/dev/null 2>&1")
            #expect(restarted == 0, "pg_ctl restart failed")
            let finish = ContinuousClock.now + .seconds(120)
            while ContinuousClock.now < finish, await count("SELECT count(*) FROM jobs WHERE state = 'succeeded'") < 200 {
                try await Task.sleep(for: .milliseconds(200))
            }
            worker.stop()
            try await task.value
            #expect(before < 200, "the collection had finished before the restart")
            #expect(try await db.integer("SELECT count(*) FROM jobs WHERE state = 'succeeded'") == 200)
            #expect(try await db.integer("SELECT count(*) FROM reports") == 200)
            #expect(try await db.integer("SELECT count(DISTINCT hostname) FROM reports") == 200)
        }
    }
}
