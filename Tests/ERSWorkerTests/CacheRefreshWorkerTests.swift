@testable import ERSJobs
import ERSFleet
import ERSRedis
@testable import ERSWorker
import Foundation
import Logging
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The worker with the latest-report cache hook against a real Redis: up, a tarpit that
/// accepts TCP and never answers, and a port with nothing listening (real PostgreSQL as well).
@Suite("Worker and the latest-report cache (real PostgreSQL and Redis)")
struct CacheRefreshWorkerTests {
    /// A loopback TCP port that accepts connections (the kernel's backlog) and never answers.
    final class Tarpit: Sendable {
        let descriptor: Int32
        let port: Int

        init(listening: Bool = true) throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw POSIXError(.EMFILE) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { _ = Glibc.close(fd); throw POSIXError(.EADDRINUSE) }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            if listening { _ = listen(fd, 128) }
            descriptor = fd
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        func close() { _ = Glibc.close(descriptor) }
    }

    static func testRedisURL() -> RedisURL? {
        let environment = ProcessInfo.processInfo.environment
        guard let text = environment["ERS_TEST_REDIS_URL"], let user = environment["ERS_TEST_REDIS_ACL_USER"],
              let file = environment["ERS_TEST_REDIS_ACL_PASSWORD_FILE"], var url = try? RedisURL(parsing: text, passwordFile: file)
        else {
            Issue.record("test not run: ERS_TEST_REDIS_URL / ERS_TEST_REDIS_ACL_USER / ERS_TEST_REDIS_ACL_PASSWORD_FILE are not set. Run scripts/services-up.sh and source its env file.",
                         severity: environment["CI"] != nil ? .error : .warning)
            return nil
        }
        url.user = user
        return url
    }

    static func cache(_ db: JobsDatabase, redis url: RedisURL, timeouts: Duration = .seconds(2)) throws -> (LatestReportCache, RedisConnectionPool) {
        let pool = try RedisConnectionPool(url: url, configuration: RedisPoolConfiguration(connectTimeout: timeouts, commandTimeout: timeouts),
                                           logger: JobsDatabase.logger)
        let cache = LatestReportCache(redis: RedisClient(pool: pool), reports: ReportQuery(client: db.client, logger: JobsDatabase.logger),
                                      ttl: .seconds(300), logger: JobsDatabase.logger)
        return (cache, pool)
    }

    @Test("regression: a hook that never returns (a hung Redis) no longer holds the job's slot: one slot still finishes every job")
    func hungHookDoesNotBlockClaims() async throws {
        try await JobsDatabase.with { db in
            try await db.addHosts(5)
            _ = try await db.collections().start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: nil)
            let gate = HookGate()  // never opened
            let worker = WorkerTests.worker(db, collector: ScriptedCollector { ScriptedCollector.report($0) }, concurrency: 1, onStored: gate.hook)
            let done = try await WorkerTests.run(worker) {
                try await db.integer("SELECT count(*) FROM jobs WHERE state = 'succeeded'") == 5 && !gate.calls.isEmpty
            }
            #expect(done, "with the hook awaited after each job, a worker of concurrency 1 stops after its first job")
            #expect(try await db.integer("SELECT count(*) FROM reports") == 5)
        }
    }

    enum Outage: String, CaseIterable, Sendable { case tarpit, refused }

    @Test("Redis unreachable (a tarpit that never answers, a port with nothing listening): the worker still finishes every job", arguments: Outage.allCases)
    func redisUnreachable(_ outage: Outage) async throws {
        try await JobsDatabase.with { db in
            let endpoint = try Tarpit(listening: outage == .tarpit)
            defer { endpoint.close() }
            // Long pool timeouts: each refresh against the tarpit hangs for 120 s, far longer than the jobs take.
            let (cache, pool) = try Self.cache(db, redis: RedisURL(host: "127.0.0.1", port: endpoint.port), timeouts: .seconds(120))
            try await db.addHosts(6, prefix: "down-\(outage.rawValue)")
            _ = try await db.collections().start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: nil)
            let worker = WorkerTests.worker(db, collector: ScriptedCollector { ScriptedCollector.report($0) }, concurrency: 1, onStored: cache.storedHook())
            let task = Task { try await worker.run() }
            let done = await eventually(120) { (try? await db.integer("SELECT count(*) FROM jobs WHERE state = 'succeeded'")) == 6 }
            let figures = await worker.refresher.statistics
            worker.stop()
            try await task.value
            await pool.close()
            #expect(done, "a Redis outage stopped collection")
            #expect(try await db.integer("SELECT count(*) FROM reports") == 6)
            if outage == .tarpit {
                #expect(figures.completed == 0 && figures.failed == 0, "no refresh can have finished against the tarpit: \(figures)")
            }
        }
    }

    @Test("Redis up: the newest report of each host is in the cache soon after its job finished")
    func cacheRefreshedAfterJobs() async throws {
        guard let url = Self.testRedisURL() else { return }
        try await JobsDatabase.with { db in
            let (cache, pool) = try Self.cache(db, redis: url)
            let prefix = "cached-\(UUID().uuidString.prefix(8).lowercased())"
            try await db.addHosts(3, prefix: prefix)
            _ = try await db.collections().start(reportType: "system", hosts: .selector(try LabelSelector("")), requestedBy: nil)
            let worker = WorkerTests.worker(db, collector: ScriptedCollector { ScriptedCollector.report($0) }, concurrency: 2, onStored: cache.storedHook())
            let task = Task { try await worker.run() }
            let done = await eventually(120) { (try? await db.integer("SELECT count(*) FROM jobs WHERE state = 'succeeded'")) == 3 }
            #expect(done)
            let expected = try await db.lines("SELECT hostname, id::text FROM reports ORDER BY hostname")
            #expect(expected.count == 3)
            let redis = RedisClient(pool: pool)
            for line in expected {
                let parts = line.split(separator: "|").map(String.init)
                let key = LatestReportCache.key(hostname: parts[0], reportType: "system")
                let cached = await eventually(60) {
                    guard let text = try? await redis.get(key), let report = LatestReportCache.decode(text) else { return false }
                    return String(report.id.id) == parts[1]
                }
                #expect(cached, "\(key) never held report \(parts[1])")
            }
            worker.stop()
            try await task.value
            _ = try? await redis.delete(expected.map { LatestReportCache.key(hostname: String($0.split(separator: "|")[0]), reportType: "system") })
            await pool.close()
        }
    }
}
