import ERSRedis
import ERSServerCore
import Foundation
import Hummingbird
import Logging
import Testing

@Suite("Health, readiness, metrics, request ids, graceful shutdown", .serialized)
struct ServerRuntimeTests {
    let logger = Logger(label: "test.server")

    @Test(.timeLimit(.minutes(1))) func readyChecksRealDatastoresAndReports503WithEachResult() async throws {
        guard let database = TestServices.database(), let redis = TestServices.redis() else { return }
        let runtime = try ServerRuntime(configuration: .init(httpPort: 0, database: database, redis: redis), logger: logger)
        let server = try await LiveServer.start(runtime: runtime, router: runtime.makeRouter(checks: runtime.datastoreChecks))
        let health = try await HealthcheckClient.get(server.url("/health"))
        #expect(health.status == 200 && health.body == #"{"status":"ok"}"#)
        let ready = try await HealthcheckClient.get(server.url("/ready"))
        #expect(ready.status == 200, "\(ready.body)")
        let report = try JSONDecoder().decode(ReadinessReport.self, from: Data(ready.body.utf8))
        #expect(report.checks["postgres"]?.status == "ok" && report.checks["redis"]?.status == "ok")
        try await server.stop()

        // Redis pointed at a port where nothing listens: 503, and each check says what it saw.
        var broken = redis
        broken.port = try FreePortForTests.find()
        let failing = try ServerRuntime(configuration: .init(httpPort: 0, database: database, redis: broken, readinessTimeout: .seconds(1)), logger: logger)
        let second = try await LiveServer.start(runtime: failing, router: failing.makeRouter(checks: failing.datastoreChecks))
        let notReady = try await HealthcheckClient.get(second.url("/ready"))
        #expect(notReady.status == 503)
        let failed = try JSONDecoder().decode(ReadinessReport.self, from: Data(notReady.body.utf8))
        #expect(failed.status == "not_ready" && failed.checks["postgres"]?.status == "ok")
        #expect(failed.checks["redis"]?.status == "failed" && failed.checks["redis"]?.error?.contains("cannot connect") == true)
        #expect(try await HealthcheckClient.get(second.url("/health")).status == 200)
        try await second.stop()
    }

    /// Regression: with a wrong database password `/ready` said only "the postgres check did
    /// not finish within 2.0 seconds" (the pool retries and never says why).
    @Test(.timeLimit(.minutes(1))) func readyNamesWhyPostgreSQLRefusesTheConnection() async throws {
        guard var database = TestServices.database() else { return }
        database.password = "not-the-password"
        // Generous limits: in the full suite the machine is loaded (the refusal itself is fast).
        let runtime = try ServerRuntime(configuration: .init(httpPort: 0, database: database, readinessTimeout: .seconds(15)), logger: logger)
        let server = try await LiveServer.start(runtime: runtime, router: runtime.makeRouter(checks: runtime.datastoreChecks))
        let notReady = try await HealthcheckClient.get(server.url("/ready"), timeout: .seconds(30))
        #expect(notReady.status == 503)
        let report = try JSONDecoder().decode(ReadinessReport.self, from: Data(notReady.body.utf8))
        #expect(report.checks["postgres"]?.status == "failed")
        #expect(report.checks["postgres"]?.error?.contains("password authentication failed") == true, "\(notReady.body)")
        #expect(report.checks["postgres"]?.error?.contains("not-the-password") == false, "no secret in the report")
        try await server.stop()

        // Regression (a loaded machine): a pool slower than the diagnosis with a database that
        // accepts connections is not reported as failed; the pool's answer decides.
        guard let good = TestServices.database() else { return }
        let healthy = try ServerRuntime(configuration: .init(httpPort: 0, database: good, readinessTimeout: .seconds(15)), logger: logger)
        let client = try #require(healthy.postgres)
        let eager = try await LiveServer.start(runtime: healthy, router: healthy.makeRouter(checks: [.postgres(client, url: good, diagnoseAfter: .zero)]))
        let ready = try await HealthcheckClient.get(eager.url("/ready"), timeout: .seconds(30))
        #expect(ready.status == 200, "\(ready.body)")
        try await eager.stop()
    }

    @Test(.timeLimit(.minutes(1))) func aHangingCheckTimesOut() async throws {
        let runtime = try ServerRuntime(configuration: .init(httpPort: 0, readinessTimeout: .milliseconds(300)), logger: logger)
        let hanging = ReadinessCheck(name: "storage") {
            try await Task.sleep(for: .seconds(30))
            return nil
        }
        let server = try await LiveServer.start(runtime: runtime, router: runtime.makeRouter(checks: [hanging, .note("mode", "test")]))
        let start = ContinuousClock.now
        let ready = try await HealthcheckClient.get(server.url("/ready"))
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(ready.status == 503)
        #expect(ready.body.contains("the storage check did not finish within 0.3 seconds") && ready.body.contains(#""detail":"test""#))
        try await server.stop()
    }

    @Test(.timeLimit(.minutes(1))) func metricsCountRequestsByRouteAndStatusAndRequestIDsAreKeptOrMade() async throws {
        let runtime = try ServerRuntime(configuration: .init(httpPort: 0), logger: logger)
        let router = runtime.makeRouter(checks: [])
        router.get("/items/{id}") { _, context -> String in context.requestID }
        let server = try await LiveServer.start(runtime: runtime, router: router)
        for id in 1...3 { _ = try await HealthcheckClient.get(server.url("/items/\(id)")) }
        _ = try await HealthcheckClient.get(server.url("/missing"))
        let metrics = try await HealthcheckClient.get(server.url("/metrics"))
        #expect(metrics.body.contains(#"http_requests_total{route="/items/{id}",method="GET",status="200"} 3"#), "\(metrics.body)")
        #expect(metrics.body.contains(#"status="404""#))
        #expect(metrics.body.contains("http_request_duration_seconds_bucket"))
        let made = try await HealthcheckClient.get(server.url("/items/9"))
        #expect(made.body.count == 32 && RequestIDMiddleware.isWellFormed(made.body))
        try await server.stop()
    }

    @Test(.timeLimit(.minutes(1))) func gracefulShutdownLetsInFlightRequestsFinish() async throws {
        let runtime = try ServerRuntime(configuration: .init(httpPort: 0, shutdownGracePeriod: .seconds(10)), logger: logger)
        let router = runtime.makeRouter(checks: [])
        let (arrived, arrival) = AsyncStream<Void>.makeStream()
        router.get("/slow") { _, _ -> String in
            arrival.yield()
            try await Task.sleep(for: .milliseconds(800))
            return "finished"
        }
        let server = try await LiveServer.start(runtime: runtime, router: router)
        let inFlight = Task { try await HealthcheckClient.get(server.url("/slow"), timeout: .seconds(10)) }
        // Shut down while the request is being handled.
        var arrivals = arrived.makeAsyncIterator()
        _ = await arrivals.next()
        let stopping = Task { try await server.stop() }
        let answer = try await inFlight.value
        #expect(answer.status == 200 && answer.body == "finished")
        try await stopping.value
        await #expect(throws: HealthcheckClient.Failure.self) { try await HealthcheckClient.get(server.url("/health"), timeout: .seconds(1)) }
    }
}

enum FreePortForTests {
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
