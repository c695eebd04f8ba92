import ERSAuth
import ERSRedis
import ERSServerCore
import Foundation
import Testing

@Suite("Start-up, CORS, in-memory sessions, Redis outage")
struct OperationalTests {
    @Test func refusesToStartWithoutAStrongKeyAndSaysWhatToSet() throws {
        let short = #expect(throws: ConfigurationProblem.self) { try AuthConfiguration(environment: ServerEnvironment(["JWT_SECRET": "your-super-secret-jwt-key"])) }
        #expect(short?.description.contains("JWT_SECRET is 25 bytes; an HS256 key needs at least 32") == true)
        #expect(short?.description.contains("openssl rand") == true)
        #expect(short?.description.contains("your-super-secret") == false)
        let missing = #expect(throws: ConfigurationProblem.self) { try AuthConfiguration(environment: ServerEnvironment([:])) }
        #expect(missing?.description.contains("set JWT_SECRET_FILE") == true)
        let uniform = #expect(throws: ConfigurationProblem.self) {
            try AuthConfiguration(environment: ServerEnvironment(["JWT_SECRET": String(repeating: "ab", count: 24)]))
        }
        #expect(uniform?.description.contains("distinct characters") == true)
        #expect(throws: ConfigurationProblem.self) { try AuthConfiguration(environment: ServerEnvironment(["JWT_SECRET": "-----BEGIN EC PRIVATE KEY-----\nnope\n-----END EC PRIVATE KEY-----"])) }
        #expect(throws: ConfigurationError.self) {
            try AuthConfiguration(environment: ServerEnvironment(["JWT_SECRET": AuthHarness.randomSecret(), "BCRYPT_COST": "10"]))
        }
        #expect(throws: ConfigurationProblem.self) {
            try AuthConfiguration(environment: ServerEnvironment(["JWT_SECRET": AuthHarness.randomSecret(), "CORS_ALLOWED_ORIGINS": "*"]))
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jwt-\(UUID().uuidString)")
        try (AuthHarness.randomSecret() + "\n").write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try AuthConfiguration(environment: ServerEnvironment(["JWT_SECRET_FILE": file.path, "JWT_LIFETIME_SECONDS": "300"]))
        #expect(fromFile.signingKey.algorithm == .hs256 && fromFile.tokenLifetime == .seconds(300) && fromFile.bcryptCost == 12)
    }

    @Test(.timeLimit(.minutes(2))) func corsOnlyForListedOriginsAndNeverAWildcard() async throws {
        let configuration = AuthConfiguration(signingKey: try SigningKey(text: AuthHarness.randomSecret(), source: "test"),
                                              throttle: ThrottlePolicy(maximumAttemptsPerAddress: 1_000_000),
                                              corsAllowedOrigins: ["https://ui.example.com"])
        guard let harness = try await AuthHarness.start(configuration: configuration) else { return }
        let preflight = [("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "content-type")]
        let allowed = try await RawHTTP.send("OPTIONS", harness.url("/auth/login"), headers: [("Origin", "https://ui.example.com")] + preflight)
        #expect(allowed.status == 204 && allowed.headers["access-control-allow-origin"] == "https://ui.example.com")
        #expect(allowed.headers["access-control-allow-credentials"] == nil)
        let refused = try await RawHTTP.send("OPTIONS", harness.url("/auth/login"), headers: [("Origin", "https://evil.example")] + preflight)
        #expect(refused.status == 403 && refused.headers["access-control-allow-origin"] == nil)
        let simple = try await RawHTTP.send("GET", harness.url("/auth/verify"), headers: [("Origin", "https://evil.example")])
        #expect(simple.status == 401 && simple.headers["access-control-allow-origin"] == nil)
        let listed = try await RawHTTP.send("GET", harness.url("/auth/verify"), headers: [("Origin", "https://ui.example.com")])
        #expect(listed.headers["access-control-allow-origin"] == "https://ui.example.com" && listed.headers["vary"] == "Origin")
        await harness.stop()
    }

    @Test(.timeLimit(.minutes(2))) func withoutRedisSessionsAreInMemoryAndReadySaysOneReplicaOnly() async throws {
        guard let harness = try await AuthHarness.start(redis: .none) else { return }
        let ready = try await RawHTTP.send("GET", harness.url("/ready"))
        #expect(ready.status == 200)
        #expect(ready.body.contains("safe for one replica only"))
        let name = AuthHarness.uniqueName("frank"), password = "frank's own passphrase"
        _ = try await harness.administration.add(username: name, password: password, roles: ["reader"])
        let token = try await harness.token(name, password)
        #expect(try await harness.verify("Bearer \(token)").headers["x-user"] == name)
        #expect(try await harness.logout(token).status == 200)
        #expect(try await harness.verify("Bearer \(token)").status == 401)
        await harness.stop()
    }

    @Test(.timeLimit(.minutes(3))) func redisStoppedDeniesAndAnswers503ThenRecoversWithoutRestart() async throws {
        guard let redis = OwnRedisServer.startOrReport() else { return }
        let url = RedisURL(host: "127.0.0.1", port: redis.port, password: redis.password)
        guard let harness = try await AuthHarness.start(redis: .url(url)) else { return }
        let name = AuthHarness.uniqueName("grace"), password = "grace's own passphrase"
        _ = try await harness.administration.add(username: name, password: password, roles: ["reader"])
        let token = try await harness.token(name, password)
        #expect(try await harness.verify("Bearer \(token)").status == 200)
        #expect(try await RawHTTP.send("GET", harness.url("/ready")).status == 200)

        redis.stop()
        let ready = try await RawHTTP.send("GET", harness.url("/ready"))
        #expect(ready.status == 503 && ready.body.contains(#""redis":{"#) && ready.body.contains("failed"))
        let verify = try await harness.verify("Bearer \(token)")
        #expect(verify.status == 503 && verify.headers["x-user"] == nil)
        let login = try await harness.login(name, password)
        #expect(login.status == 503 && login.json?["access_token"] == nil)
        #expect(try await RawHTTP.send("GET", harness.url("/health")).status == 200)

        // The same server process again (empty: its sessions are gone), no restart of the service.
        try redis.start()
        #expect(try await RawHTTP.send("GET", harness.url("/ready")).status == 200)
        #expect(try await harness.verify("Bearer \(token)").status == 401)
        let fresh = try await harness.token(name, password)
        let again = try await harness.verify("Bearer \(fresh)")
        #expect(again.status == 200 && again.headers["x-user"] == name)
        try await harness.expectNoSecretsInLogsOrAudit([password, token, fresh])
        await harness.stop()
    }
}
