import Crypto
import ERSAuth
import ERSRedis
import ERSServerCore
import Foundation
import Testing

@Suite("Login throttling and client addresses")
struct ThrottlingTests {
    @Test(.timeLimit(.minutes(2))) func perUserLimitAnswers429WithRetryAfterAndEndsWithTheWindow() async throws {
        let configuration = AuthConfiguration(signingKey: try SigningKey(text: AuthHarness.randomSecret(), source: "test"),
                                              throttle: ThrottlePolicy(maximumAttemptsPerUser: 3, maximumAttemptsPerAddress: 1_000_000, window: .seconds(6)))
        guard let harness = try await AuthHarness.start(configuration: configuration) else { return }
        let name = AuthHarness.uniqueName("erin"), password = "erin's own passphrase"
        _ = try await harness.administration.add(username: name, password: password, roles: [])
        // Four guesses at once: attempts count before bcrypt runs, so parallel guesses cannot
        // slip past the limit; exactly one of the four is refused. While the other three are
        // still in bcrypt, even the right password is refused: the limit comes first.
        async let guesses = withThrowingTaskGroup(of: RawHTTP.Response.self) { group in
            for attempt in 1...4 { group.addTask { try await harness.login(name, "wrong guess \(attempt)") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Wait until all four are counted (the counter is in Redis), then try the right password.
        let redis = RedisClient(pool: try RedisConnectionPool(url: try #require(TestServices.redis()), logger: harness.runtime.logger))
        let counter = "throttle:login:user:" + SHA256.hash(data: Data(name.utf8)).map { String(format: "%02x", $0) }.joined()
        for _ in 0..<200 where try await redis.get(counter) != "4" { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try await redis.get(counter) == "4")
        await redis.pool.close()
        let blocked = try await harness.login(name, password)
        #expect(blocked.status == 429 && blocked.json?["access_token"] == nil)
        let answers = try await guesses
        #expect(answers.filter { $0.status == 401 }.count == 3 && answers.allSatisfy { $0.json?["access_token"] == nil })
        let throttled = try #require(answers.first { $0.status == 429 })
        #expect(throttled.headers["retry-after"].flatMap(Int.init).map { (1...6).contains($0) } == true)
        let retryAfter = try #require(blocked.headers["retry-after"].flatMap(Int.init))
        // No permanent lockout: after the window, the right password works.
        try await Task.sleep(for: .seconds(retryAfter + 1))
        #expect(try await harness.login(name, password).status == 200)
        let rows = try await harness.database.auditRows()
        #expect(rows.filter { $0.contains(#""action":"auth.login_throttled""#) && $0.contains(#""scope":"user""#) }.count == 2)
        try await harness.expectNoSecretsInLogsOrAudit([password, "wrong guess"])
        await harness.stop()
    }

    @Test(.timeLimit(.minutes(2))) func perAddressLimitUsesXForwardedForOnlyFromTrustedProxies() async throws {
        let trusted = AuthConfiguration(signingKey: try SigningKey(text: AuthHarness.randomSecret(), source: "test"),
                                        throttle: ThrottlePolicy(maximumAttemptsPerUser: 100, maximumAttemptsPerAddress: 2, window: .seconds(300)),
                                        trustedProxies: [try #require(IPNetwork("127.0.0.0/8"))])
        guard let harness = try await AuthHarness.start(configuration: trusted) else { return }
        // Only header text (no traffic goes there): random, so runs within the window never share a counter.
        let address = "100.\(Int.random(in: 64...127)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
        let forwarded = [("X-Forwarded-For", "10.9.9.9, \(address)")]
        for _ in 0..<2 {
            #expect(try await harness.login(AuthHarness.uniqueName("spray"), "some password", headers: forwarded).status == 401)
        }
        let throttled = try await harness.login(AuthHarness.uniqueName("spray"), "some password", headers: forwarded)
        #expect(throttled.status == 429)
        // Another client behind the same proxy is not affected.
        let other = try await harness.login(AuthHarness.uniqueName("spray"), "some password", headers: [("X-Forwarded-For", "100.\(Int.random(in: 64...127)).\(Int.random(in: 0...255)).255")])
        #expect(other.status == 401)
        let rows = try await harness.database.auditRows()
        #expect(rows.contains { $0.contains(#""ip_address":"\#(address)""#) && $0.contains(#""scope":"address""#) })
        await harness.stop()

        // Without trusted proxies the header is ignored: the peer is the client.
        guard let direct = try await AuthHarness.start() else { return }
        _ = try await direct.login(AuthHarness.uniqueName("spoof"), "some password", headers: [("X-Forwarded-For", "192.0.2.1")])
        let directRows = try await direct.database.auditRows()
        #expect(directRows.contains { $0.contains(#""ip_address":"127.0.0.1""#) })
        #expect(!directRows.contains { $0.contains("192.0.2.1") })
        await direct.stop()
    }

    @Test func trustedProxiesDefaultToThePrivateRangesAndNoneTrustsNothing() throws {
        let secret = AuthHarness.randomSecret()
        let byDefault = try AuthConfiguration(environment: .init(["JWT_SECRET": secret]))
        #expect(byDefault.trustedProxies == IPNetwork.loopbackAndPrivate)
        let resolver = ClientAddressResolver(trustedProxies: byDefault.trustedProxies)
        #expect(resolver.clientAddress(peer: "10.244.1.7", forwardedFor: ["6.6.6.6, 203.0.113.9"]) == "203.0.113.9")
        #expect(resolver.clientAddress(peer: "203.0.113.50", forwardedFor: ["192.0.2.1"]) == "203.0.113.50")
        #expect(try AuthConfiguration(environment: .init(["JWT_SECRET": secret, "TRUSTED_PROXIES": "none"])).trustedProxies.isEmpty)
        let listed = try AuthConfiguration(environment: .init(["JWT_SECRET": secret, "TRUSTED_PROXIES": "10.0.0.5, fd00::/8"]))
        #expect(listed.trustedProxies.map(\.description) == ["10.0.0.5/32", "fd00::/8"])
        #expect(throws: ConfigurationProblem.self) { try AuthConfiguration(environment: .init(["JWT_SECRET": secret, "TRUSTED_PROXIES": "gateway"])) }
    }

    @Test func clientAddressRules() throws {
        let resolver = ClientAddressResolver(trustedProxies: [try #require(IPNetwork("10.0.0.0/8")), try #require(IPNetwork("::1"))])
        #expect(resolver.clientAddress(peer: "203.0.113.5", forwardedFor: ["1.2.3.4"]) == "203.0.113.5")
        #expect(resolver.clientAddress(peer: "10.1.2.3", forwardedFor: ["1.2.3.4, 198.51.100.7, 10.0.0.9"]) == "198.51.100.7")
        #expect(resolver.clientAddress(peer: "10.1.2.3", forwardedFor: ["1.2.3.4", "198.51.100.7"]) == "198.51.100.7")
        #expect(resolver.clientAddress(peer: "::1", forwardedFor: ["garbage"]) == "::1")
        #expect(resolver.clientAddress(peer: "10.1.2.3", forwardedFor: []) == "10.1.2.3")
        #expect(resolver.clientAddress(peer: nil, forwardedFor: ["1.2.3.4"]) == nil)
        #expect(IPNetwork("10.0.0.0/33") == nil && IPNetwork("not-an-ip") == nil)
        #expect(try #require(IPNetwork("10.0.0.0/8")).contains("::ffff:10.2.3.4"))
    }
}
