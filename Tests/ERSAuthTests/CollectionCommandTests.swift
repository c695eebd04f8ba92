import ERSAuth
import ERSJobs
@testable import ERSServerCommands
import Foundation
import PostgresNIO
import Testing

/// `ers-server collection` as deployed: refuses to start without its settings, and accepts the
/// tokens `ers-server auth` issues (same JWT secret, sessions in the same Redis).
@Suite("ers-server collection")
struct CollectionCommandTests {
    @Test func refusesToStartWithoutItsSettings() throws {
        guard CommandLineTests.binaryOrReport() != nil else { return }
        let missing = try CommandLineTests.run(["collection"], environment: ["HTTP_PORT": "0"])
        #expect(missing.status == 78 && missing.error.contains("JWT_SECRET_FILE"))
        let noDatabase = try CommandLineTests.run(["collection"], environment: ["HTTP_PORT": "0", "JWT_SECRET": AuthHarness.randomSecret()])
        #expect(noDatabase.status == 78 && noDatabase.error.contains("DATABASE_URL"), "\(noDatabase.error)")
        let noRedis = try CommandLineTests.run(["collection"], environment: ["HTTP_PORT": "0", "JWT_SECRET": AuthHarness.randomSecret(),
                                                                             "DATABASE_URL": "postgres://ers@127.0.0.1:1/ers?sslmode=disable"])
        #expect(noRedis.status == 78 && noRedis.error.contains("REDIS_URL"), "\(noRedis.error)")
    }

    @Test(.timeLimit(.minutes(3))) func servesTokensOfTheAuthService() async throws {
        guard CommandLineTests.binaryOrReport() != nil, let binary = CommandLineTests.binary,
              let redisText = TestServices.environment["ERS_TEST_REDIS_URL"], let redisUser = TestServices.environment["ERS_TEST_REDIS_ACL_USER"],
              let redisPasswordFile = TestServices.environment["ERS_TEST_REDIS_ACL_PASSWORD_FILE"]
        else { return }
        let secret = AuthHarness.randomSecret()
        let configuration = AuthConfiguration(signingKey: try SigningKey(text: secret, source: "test"),
                                              throttle: ThrottlePolicy(maximumAttemptsPerUser: 5, maximumAttemptsPerAddress: 1_000_000))
        guard let harness = try await AuthHarness.start(configuration: configuration) else { return }
        let redis = try #require(URLComponents(string: redisText))
        let port = try FreePort.find()
        let url = harness.database.url
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["collection"]
        process.environment = [
            "PATH": "/usr/bin:/bin", "HTTP_PORT": String(port), "JWT_SECRET": secret, "LOG_LEVEL": "warning",
            "DATABASE_URL": "postgres://\(url.username)@127.0.0.1:\(url.port)/\(url.database)?sslmode=disable", "DATABASE_PASSWORD": url.password ?? "",
            "REDIS_URL": "redis://\(redisUser)@\(redis.host ?? "127.0.0.1"):\(redis.port ?? 6379)", "REDIS_PASSWORD_FILE": redisPasswordFile,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            process.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<200 where !ready {
            ready = (try? await RawHTTP.send("GET", base + "/ready"))?.status == 200
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(ready, "ers-server collection did not become ready")

        let name = AuthHarness.uniqueName("ines"), password = "ines's own passphrase"
        _ = try await harness.administration.add(username: name, password: password, roles: ["admin"])
        let token = try await harness.token(name, password)
        #expect(try await RawHTTP.send("GET", base + "/api/v1/hosts").status == 401)
        let created = try await RawHTTP.send("POST", base + "/api/v1/hosts", headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")],
                                             body: #"{"name": "db-1.example.com", "labels": {"env": "prod"}}"#)
        #expect(created.status == 201, "\(created.body)")
        let listed = try await RawHTTP.send("GET", base + "/api/v1/hosts?selector=env%3Dprod", headers: [("Authorization", "Bearer \(token)")])
        #expect(listed.status == 200)
        #expect(listed.body.contains("db-1.example.com"))
        // Logout at the auth service ends the session for the collection API too.
        #expect(try await harness.logout(token).status == 200)
        #expect(try await RawHTTP.send("GET", base + "/api/v1/hosts", headers: [("Authorization", "Bearer \(token)")]).status == 401)

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let logs = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!logs.contains(token) && !logs.contains(secret) && !logs.contains(password))
        await harness.stop()
    }

    /// The worker's hook as `ers-server worker` wires it: a stored report lands in the cache
    /// the collection API reads.
    @Test func workerHookRefreshesTheLatestReportCache() async throws {
        guard let harness = try await AuthHarness.start() else { return }
        let host = "hook-\(UUID().uuidString.prefix(8).lowercased()).example.com"
        let created = DatabaseTimestamp.now.adding(seconds: -5)
        let id = try await TestDatabase.run(on: harness.database.url) { client in
            let rows = try await client.query("""
                INSERT INTO reports (hostname, report_type, data, created_at) VALUES (\(host), 'system', '{"n": 7}'::jsonb, \(created)) RETURNING id
                """)
            for try await (id,) in rows.decode((Int64,).self) { return id }
            throw TestDatabase.SetupFailed(description: "no report id")
        }
        let hook = LatestReportHook.make(runtime: harness.runtime, ttl: .seconds(60), logger: harness.runtime.logger)
        try await hook(host, "system", id, created.date)
        let cached = try #require(try await harness.runtime.redis?.get("latest-report:system:\(host)"))
        #expect(cached.hasPrefix("v1\n\(created.microsecondsSince2000)\n\(id)\n\(host)\nsystem\n"))
        #expect(cached.contains(#""n": 7"#))
        await harness.stop()
    }
}
