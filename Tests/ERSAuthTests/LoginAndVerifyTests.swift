import ERSAuth
import ERSRedis
import Foundation
import Testing

@Suite("Login, verify, logout")
struct LoginAndVerifyTests {
    @Test(.timeLimit(.minutes(2))) func loginIssuesATokenWhoseSessionEndsWithItAndLogoutEndsIt() async throws {
        guard let harness = try await AuthHarness.start() else { return }
        let name = AuthHarness.uniqueName("alice"), password = "correct horse battery staple"
        _ = try await harness.administration.add(username: name, password: password, roles: ["admin", "reader"])

        let login = try await harness.login(name, password, headers: [("X-Request-ID", "login-req-1")])
        #expect(login.status == 200, "\(login.body)")
        #expect(login.headers["cache-control"] == "no-store" && login.headers["x-request-id"] == "login-req-1")
        let json = try #require(login.json)
        #expect(json["token_type"] as? String == "Bearer" && json["expires_in"] as? Int == 900)
        let token = try #require(json["access_token"] as? String)

        // The token: HS256, our kid, and every registered claim.
        let parts = token.split(separator: ".")
        #expect(parts.count == 3)
        let claims = try await harness.service.tokens.verify(token)
        #expect(claims.sub.value == name && claims.iss.value == "ers" && claims.aud.value == ["ers"])
        #expect(Int(claims.exp.value.timeIntervalSince(claims.iat.value)) == 900)

        // The session: session:<jti> in Redis, TTL = the token's lifetime.
        let redis = RedisClient(pool: try RedisConnectionPool(url: try #require(TestServices.redis()), logger: harness.runtime.logger))
        let ttl = try #require(try await redis.timeToLive("session:\(claims.jti.value)"))
        #expect(ttl > .seconds(890) && ttl <= .seconds(900))

        let verified = try await harness.verify("Bearer \(token)")
        #expect(verified.status == 200)
        #expect(verified.headers["x-user"] == name && verified.headers["x-roles"] == "admin,reader")

        let logout = try await harness.logout(token)
        #expect(logout.status == 200)
        #expect(try await redis.exists("session:\(claims.jti.value)") == false)
        let after = try await harness.verify("Bearer \(token)")
        #expect(after.status == 401 && after.headers["x-user"] == nil)
        #expect(try await harness.logout(token).status == 401)

        let metrics = try await RawHTTP.send("GET", harness.url("/metrics")).body
        #expect(metrics.contains(#"auth_login_attempts_total{outcome="success"} 1"#))
        #expect(metrics.contains(#"auth_verify_requests_total{outcome="allowed"} 1"#))
        #expect(metrics.contains(#"auth_verify_requests_total{outcome="denied"} 1"#))
        #expect(metrics.contains(#"http_requests_total{route="/auth/verify",method="GET",status="401"} 1"#))
        let rows = try await harness.database.auditRows()
        #expect(rows.contains { $0.contains(#""action":"user.created""#) && $0.contains(name) })
        #expect(rows.contains { $0.contains(#""action":"auth.login""#) && $0.contains(claims.jti.value) && $0.contains(#""ip_address":"127.0.0.1""#) })
        #expect(rows.contains { $0.contains(#""action":"auth.logout""#) && $0.contains(claims.jti.value) })
        try await harness.expectNoSecretsInLogsOrAudit([password, token, String(parts[2])])
        await redis.pool.close()
        await harness.stop()
    }

    @Test(.timeLimit(.minutes(2))) func wrongPasswordAndUnknownUserGetTheSameAnswerInASimilarTime() async throws {
        guard let harness = try await AuthHarness.start() else { return }
        let name = AuthHarness.uniqueName("bob"), password = "bob's long passphrase"
        _ = try await harness.administration.add(username: name, password: password, roles: [])
        var wrongTimes: [Duration] = [], unknownTimes: [Duration] = []
        var bodies: Set<String> = []
        for round in 0..<4 {
            let clock = ContinuousClock()
            var response: RawHTTP.Response?
            wrongTimes.append(try await clock.measure { response = try await harness.login(name, "not the password \(round)") })
            #expect(response?.status == 401 && response?.json?["access_token"] == nil)
            bodies.insert(response?.body ?? "")
            unknownTimes.append(try await clock.measure { response = try await harness.login(AuthHarness.uniqueName("ghost"), "whatever password") })
            #expect(response?.status == 401 && response?.json?["access_token"] == nil)
            bodies.insert(response?.body ?? "")
        }
        #expect(bodies.count == 1, "\(bodies)")
        // The fastest of each (the least disturbed by other tests sharing the CPUs): both are one
        // bcrypt check at the same cost. Skipping the check for an unknown user would make it
        // hundreds of times faster; the band of 4x either way catches that and tolerates a
        // machine loaded by parallel builds (a factor of 2 did not, at a load average of 12).
        let wrong = try #require(wrongTimes.min()), unknown = try #require(unknownTimes.min())
        #expect(unknown > wrong / 4 && unknown < wrong * 4, "fastest wrong password \(wrong), fastest unknown user \(unknown)")
        // A disabled user: the same answer too, even with the right password.
        _ = try await harness.administration.disable(username: name)
        let disabled = try await harness.login(name, password)
        #expect(disabled.status == 401 && bodies.contains(disabled.body))
        let rows = try await harness.database.auditRows()
        #expect(rows.filter { $0.contains(#""action":"auth.login_failed""#) }.count == 9)
        #expect(rows.contains { $0.contains(#""reason":"unknown_user""#) } && rows.contains { $0.contains(#""reason":"wrong_password""#) })
        try await harness.expectNoSecretsInLogsOrAudit([password, "not the password", "whatever password"])
        await harness.stop()
    }

    @Test(.timeLimit(.minutes(2))) func credentialsOnlyInAJSONBody() async throws {
        guard let harness = try await AuthHarness.start() else { return }
        let query = try await RawHTTP.send("POST", harness.url("/auth/login?username=a&password=b"), headers: [("Content-Type", "application/json")],
                                           body: #"{"username":"a","password":"b"}"#)
        #expect(query.status == 400 && query.json?["access_token"] == nil)
        let form = try await RawHTTP.send("POST", harness.url("/auth/login"), headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                          body: "username=a&password=b")
        #expect(form.status == 415)
        let broken = try await RawHTTP.send("POST", harness.url("/auth/login"), headers: [("Content-Type", "application/json")], body: "{not json")
        #expect(broken.status == 400)
        await harness.stop()
    }

    @Test(.timeLimit(.minutes(2))) func passwordsBcryptWouldCutAreRefusedWhenSetAndNeverMatch() async throws {
        guard let harness = try await AuthHarness.start() else { return }
        let tooLong = String(repeating: "p", count: 73)
        await #expect(throws: UserAdministrationError.password(.tooLong(bytes: 73))) {
            try await harness.administration.add(username: AuthHarness.uniqueName("long"), password: tooLong, roles: [])
        }
        await #expect(throws: UserAdministrationError.password(.containsNUL)) {
            try await harness.administration.add(username: AuthHarness.uniqueName("nul"), password: "abcdefghijkl\u{0}mnop", roles: [])
        }
        // Exactly 72 bytes is accepted; anything longer does not log in, although bcrypt would
        // have compared only the first 72 bytes.
        let name = AuthHarness.uniqueName("edge"), exact = String(repeating: "é", count: 36)
        _ = try await harness.administration.add(username: name, password: exact, roles: [])
        #expect(try await harness.login(name, exact).status == 200)
        let longer = try await harness.login(name, exact + "tail")
        #expect(longer.status == 401 && longer.json?["access_token"] == nil)
        let rows = try await harness.database.auditRows()
        #expect(!rows.contains { $0.contains(#""action":"user.created""#) && ($0.contains("long-") || $0.contains("nul-")) })
        try await harness.expectNoSecretsInLogsOrAudit([tooLong, exact])
        await harness.stop()
    }
}
