import ERSAuth
import Foundation
import Testing

@Suite("Login throttling and client addresses")
struct ThrottlingTests {
    /// A random documentation address (RFC 5737 TEST-NET-3), so parallel runs never share a counter.
    static func testAddress() -> String { "203.0.113.\(Int.random(in: 1...254))" + "" }

    @Test(.timeLimit(.minutes(2))) func perUserLimitAnswers429WithRetryAfterAndEndsWithTheWindow() async throws {
        let configuration = AuthConfiguration(signingKey: try SigningKey(text: AuthHarness.randomSecret(), source: "test"),
                                              throttle: ThrottlePolicy(maximumAttemptsPerUser: 3, maximumAttemptsPerAddress: 1_000_000, window: .seconds(3)))
        guard let harness = try await AuthHarness.start(configuration: configuration) else { return }
        let name = AuthHarness.uniqueName("erin"), password = "erin's own passphrase"
        _ = try await harness.administration.add(username: name, password: password, roles: [])
        for attempt in 1...3 {
            #expect(try await harness.login(name, "wrong guess \(attempt)").status == 401)
        }
        let throttled = try await harness.login(name, "wrong guess 4")
        #expect(throttled.status == 429 && throttled.json?["access_token"] == nil)
        let retryAfter = try #require(throttled.headers["retry-after"].flatMap(Int.init))
        #expect((1...3).contains(retryAfter))
        // Even the right password waits: the limit is checked before the password.
        let blocked = try await harness.login(name, password)
        #expect(blocked.status == 429 && blocked.json?["access_token"] == nil)
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
                                        throttle: ThrottlePolicy(maximumAttemptsPerUser: 100, maximumAttemptsPerAddress: 2, window: .seconds(30)),
                                        trustedProxies: [try #require(IPNetwork("127.0.0.0/8"))])
        guard let harness = try await AuthHarness.start(configuration: trusted) else { return }
        let address = "198.51.100.\(Int.random(in: 1...254))"
        let forwarded = [("X-Forwarded-For", "10.9.9.9, \(address)")]
        for _ in 0..<2 {
            #expect(try await harness.login(AuthHarness.uniqueName("spray"), "some password", headers: forwarded).status == 401)
        }
        let throttled = try await harness.login(AuthHarness.uniqueName("spray"), "some password", headers: forwarded)
        #expect(throttled.status == 429)
        // Another client behind the same proxy is not affected.
        let other = try await harness.login(AuthHarness.uniqueName("spray"), "some password", headers: [("X-Forwarded-For", "198.51.100.255")])
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
