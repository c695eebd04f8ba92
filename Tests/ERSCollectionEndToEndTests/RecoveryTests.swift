import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 7's failure drills: a worker killed with SIGKILL mid-collection, PostgreSQL restarted
/// mid-collection. Every host still ends with exactly one report.
@Suite("collection recovery", .timeLimit(.minutes(5)))
struct RecoveryTests {
    /// Two slow workers (2 collections at once each); worker 1 is killed while it holds leases.
    /// Worker 2 rescues its jobs once the leases expire and finishes the collection.
    @Test func killedWorkersJobsAreRescuedAndFinished() async throws {
        guard let binary = EndToEnd.serverBinary(), let base = EndToEnd.database(), let fleet = await E2EFleet.shared() else { return }
        try await E2EDatabase.with(base: base.url, passwordFile: base.passwordFile) { database in
            let hosts = fleet.hosts.enumerated().map { (name: String(format: "fleet-%03d", $0.offset + 1), address: $0.element.address, port: $0.element.port) }
            let collection = try await database.startCollection(of: try await database.addHosts(hosts), maxAttempts: 5)
            try await ServerProcesses.with(binary: binary, label: "kill") { servers in
                var workers: [ChildProcess] = []
                for number in 1...2 {
                    workers.append(try servers.start("worker", name: "worker-\(number)", environment: fleet.workerEnvironment().merging(database.serverEnvironment) { $1 }
                        .merging(["WORKER_ID": "e2e-kill-\(number)", "WORKER_CONCURRENCY": "2", "WORKER_LEASE_SECONDS": "5"]) { $1 }))
                }
                // Mid-collection: some reports stored, worker 1 holding leases.
                let midway = try await EndToEnd.waitUntil(seconds: 120, interval: 0.1) {
                    let stored = try await database.integer("SELECT count(*) FROM jobs WHERE collection_id = \(collection) AND state = 'succeeded'")
                    let held = try await database.integer("SELECT count(*) FROM jobs WHERE leased_by = 'e2e-kill-1' AND state = 'running'")
                    return stored >= 4 && held > 0
                }
                #expect(midway, "worker 1 never held a lease mid-collection:\n\(servers.logs())")
                workers[0].signal(SIGKILL)
                #expect(await workers[0].wait(seconds: 10) == 128 + SIGKILL)
                let orphaned = try await database.lines("SELECT id::text FROM jobs WHERE leased_by = 'e2e-kill-1' AND state = 'running'")
                let leftAtKill = try await database.unfinishedJobs(collection)
                #expect(!orphaned.isEmpty && leftAtKill > 0, "the kill came too late to leave work behind")

                let finished = try await EndToEnd.waitUntil(seconds: 200) { try await database.unfinishedJobs(collection) == 0 }
                #expect(finished, "jobs still unfinished after 200 s:\n\(servers.logs())")
                #expect(workers[1].isRunning)
                if !orphaned.isEmpty {
                    let rescued = try await database.lines("""
                        SELECT state || ' ' || coalesce(leased_by, '-') FROM jobs WHERE id IN (\(orphaned.joined(separator: ",")))
                        """)
                    #expect(rescued.allSatisfy { $0 == "succeeded e2e-kill-2" }, "jobs held by the killed worker: \(rescued)")
                }
            }
            let counts = try await database.lines("SELECT hostname, count(*)::text FROM reports GROUP BY 1 ORDER BY 1")
            #expect(counts == hosts.map { "\($0.name)|1" }, "hosts without exactly one report: \(counts.filter { !$0.hasSuffix("|1") }), \(counts.count) hosts with reports")
            #expect(try await database.integer("SELECT count(*) FROM jobs WHERE collection_id = \(collection) AND state = 'succeeded'") == hosts.count)
        }
    }

    /// A worker stopped with SIGTERM mid-collection drains (finishes or releases its jobs, giving
    /// back the attempt of a released one) and exits 0; the other worker finishes the rest.
    @Test func stoppedWorkerReleasesItsJobs() async throws {
        guard let binary = EndToEnd.serverBinary(), let base = EndToEnd.database(), let fleet = await E2EFleet.shared() else { return }
        try await E2EDatabase.with(base: base.url, passwordFile: base.passwordFile) { database in
            let hosts = fleet.hosts.prefix(40).enumerated().map { (name: String(format: "fleet-%03d", $0.offset + 1), address: $0.element.address, port: $0.element.port) }
            let collection = try await database.startCollection(of: try await database.addHosts(Array(hosts)), maxAttempts: 5)
            try await ServerProcesses.with(binary: binary, label: "term") { servers in
                var workers: [ChildProcess] = []
                for number in 1...2 {
                    workers.append(try servers.start("worker", name: "worker-\(number)", environment: fleet.workerEnvironment().merging(database.serverEnvironment) { $1 }
                        .merging(["WORKER_ID": "e2e-term-\(number)", "WORKER_CONCURRENCY": "2"]) { $1 }))
                }
                let midway = try await EndToEnd.waitUntil(seconds: 120, interval: 0.1) {
                    let stored = try await database.integer("SELECT count(*) FROM jobs WHERE collection_id = \(collection) AND state = 'succeeded'")
                    let held = try await database.integer("SELECT count(*) FROM jobs WHERE leased_by = 'e2e-term-1' AND state = 'running'")
                    return stored >= 2 && held > 0
                }
                #expect(midway, "worker 1 never held a lease mid-collection:\n\(servers.logs())")
                let held = try await database.lines("SELECT id::text FROM jobs WHERE leased_by = 'e2e-term-1' AND state = 'running'")
                workers[0].signal(SIGTERM)
                #expect(await workers[0].wait(seconds: 30) == 0, "worker 1 did not drain and exit 0:\n\(servers.logs())")
                // Each job it held: finished by it, or released (queued, the attempt given back) and
                // perhaps claimed since by worker 2 (attempt 1); never left running under its lease.
                if !held.isEmpty {
                    let after = try await database.lines("""
                        SELECT state || ' ' || attempts || ' ' || coalesce(leased_by, '-') FROM jobs WHERE id IN (\(held.joined(separator: ",")))
                        """)
                    let wrong = after.filter { row in
                        row.hasSuffix(" e2e-term-1") ? !["succeeded 1 e2e-term-1", "queued 0 e2e-term-1"].contains(row) : !row.hasSuffix(" e2e-term-2")
                    }
                    #expect(wrong.isEmpty, "jobs worker 1 held at SIGTERM (state attempts leased_by): \(after)")
                }
                let finished = try await EndToEnd.waitUntil(seconds: 200) { try await database.unfinishedJobs(collection) == 0 }
                #expect(finished, "jobs still unfinished after 200 s:\n\(servers.logs())")
            }
            let counts = try await database.lines("SELECT hostname, count(*)::text FROM reports GROUP BY 1 ORDER BY 1")
            #expect(counts == hosts.map { "\($0.name)|1" }, "hosts without exactly one report: \(counts.filter { !$0.hasSuffix("|1") })")
            #expect(try await database.integer("SELECT count(*) FROM jobs WHERE collection_id = \(collection) AND state = 'succeeded'") == hosts.count)
        }
    }

    /// PostgreSQL (a cluster of this test's own) restarted with `pg_ctl restart -m fast` while
    /// two workers collect and `ers-server collection` serves: none of them is restarted; the
    /// collection completes with one report per host, and the API answers again.
    @Test func survivesAPostgreSQLRestart() async throws {
        guard let binary = EndToEnd.serverBinary(), let fleet = await E2EFleet.shared() else { return }
        guard let api = APIClient() else {
            EndToEnd.report("ERS_TEST_REDIS_URL / ERS_TEST_REDIS_ACL_USER / ERS_TEST_REDIS_ACL_PASSWORD_FILE are not set (scripts/services-up.sh)", sourceLocation: #_sourceLocation)
            return
        }
        try await PrivatePostgres.with { postgres in
            try await E2EDatabase.with(base: try postgres.url, passwordFile: postgres.passwordFile) { database in
                let hosts = fleet.hosts.prefix(60).enumerated().map { (name: String(format: "fleet-%03d", $0.offset + 1), address: $0.element.address, port: $0.element.port) }
                let ids = try await database.addHosts(Array(hosts))
                try await ServerProcesses.with(binary: binary, label: "pgrestart") { servers in
                    let collectionServer = try servers.start("collection", name: "collection",
                                                             environment: api.serverEnvironment(database: database.serverEnvironment).merging(["JOB_MAX_ATTEMPTS": "4"]) { $1 })
                    let token = try await api.token()
                    let serving = try await EndToEnd.waitUntil(seconds: 60) {
                        let ready = await api.status("/ready"), listed = await api.status("/api/v1/hosts", token: token)
                        return ready == 200 && listed == 200
                    }
                    #expect(serving, "ers-server collection did not serve:\n\(servers.logs())")
                    // Started through the API, whose JOB_MAX_ATTEMPTS (4) every job gets.
                    let started = await api.send(.POST, "/api/v1/collections", token: token, json: ["reportType": "system", "hosts": hosts.map(\.name)])
                    #expect(started?.status == 202, "POST /api/v1/collections: \(String(describing: started))\n\(servers.logs())")
                    let collection = try #require((started?.json["id"] as? NSNumber)?.int64Value)
                    #expect((started?.json["jobs"] as? NSNumber)?.intValue == ids.count)
                    #expect(try await database.lines("SELECT DISTINCT max_attempts::text FROM jobs WHERE collection_id = \(collection)") == ["4"])
                    var workers: [ChildProcess] = []
                    for number in 1...2 {
                        workers.append(try servers.start("worker", name: "worker-\(number)", environment: fleet.workerEnvironment().merging(database.serverEnvironment) { $1 }
                            .merging(["WORKER_ID": "e2e-pg-\(number)", "WORKER_CONCURRENCY": "2", "WORKER_LEASE_SECONDS": "5"]) { $1 }))
                    }
                    let midway = try await EndToEnd.waitUntil(seconds: 120, interval: 0.1) {
                        try await database.integer("SELECT count(*) FROM jobs WHERE collection_id = \(collection) AND state = 'succeeded'") >= 4
                    }
                    #expect(midway, "no progress before the restart:\n\(servers.logs())")
                    let leftBefore = try await database.unfinishedJobs(collection)
                    try await postgres.control("restart -m fast")
                    #expect(leftBefore > 0, "the restart came after the collection ended")

                    let finished = try await EndToEnd.waitUntil(seconds: 200) { (try? await database.unfinishedJobs(collection)) == 0 }
                    #expect(finished, "jobs still unfinished after 200 s:\n\(servers.logs())")
                    let allRunning = workers.allSatisfy { $0.isRunning } && collectionServer.isRunning
                    #expect(allRunning, "a process exited:\n\(servers.logs())")
                    #expect(await api.status("/health") == 200)
                    let answering = try await EndToEnd.waitUntil(seconds: 60) {
                        let ready = await api.status("/ready"), listed = await api.status("/api/v1/hosts", token: token)
                        return ready == 200 && listed == 200
                    }
                    #expect(answering, "ers-server collection did not recover:\n\(servers.logs())")
                    let status = await api.send(.GET, "/api/v1/collections/\(collection)", token: token)
                    #expect(status?.json["finished"] as? Bool == true && (status?.json["counts"] as? [String: Any])?["succeeded"] as? Int == hosts.count,
                            "GET /api/v1/collections/\(collection): \(String(describing: status?.json["counts"]))")
                    let counts = try await database.lines("SELECT hostname, count(*)::text FROM reports GROUP BY 1 ORDER BY 1")
                    #expect(counts == hosts.map { "\($0.name)|1" }, "hosts without exactly one report: \(counts.filter { !$0.hasSuffix("|1") }), \(counts.count) hosts with reports")
                    #expect(try await database.integer("SELECT count(*) FROM jobs WHERE collection_id = \(collection) AND state = 'succeeded'") == hosts.count)
                    await servers.stopAll()
                    #expect(servers.uncleanExits.isEmpty, "\(servers.uncleanExits)\n\(servers.logs())")
                }
            }
        }
    }
}
