import ERSAuth
import Foundation
import JWTKit
import Testing

/// Every token the issue lists as one that must not verify: each answers 401, without a user
/// header, although a session exists for its `jti` wherever that applies (so the claim or
/// header check is what refuses it).
@Suite("Refused tokens")
struct TokenAttackTests {
    func expectRefused(_ harness: AuthHarness, _ authorization: String?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let response = try await harness.verify(authorization)
        #expect(response.status == 401, "\(what): \(response.status) \(response.body)", sourceLocation: sourceLocation)
        #expect(response.headers["x-user"] == nil && response.headers["x-roles"] == nil, "\(what)", sourceLocation: sourceLocation)
        #expect(response.headers["www-authenticate"]?.hasPrefix("Bearer") == true, "\(what)", sourceLocation: sourceLocation)
    }

    /// A session for `claims`, as if the service had issued it.
    func plantSession(_ harness: AuthHarness, _ claims: AccessTokenClaims) async throws {
        try await harness.service.sessions.create(jti: claims.jti.value, session: Session(username: claims.sub.value, roles: ["admin"], expiresAt: 0),
                                                  lifetime: .seconds(60))
    }

    @Test(.timeLimit(.minutes(2))) func hs256Attacks() async throws {
        let secret = AuthHarness.randomSecret()
        let key = try SigningKey(text: secret, source: "test")
        let configuration = AuthConfiguration(signingKey: key, throttle: ThrottlePolicy(maximumAttemptsPerAddress: 1_000_000))
        guard let harness = try await AuthHarness.start(configuration: configuration) else { return }
        let forge = TokenForge(secret: secret, keyID: key.keyID)
        let name = AuthHarness.uniqueName("carol"), password = "carol's own passphrase"
        _ = try await harness.administration.add(username: name, password: password, roles: ["reader"])
        let token = try await harness.token(name, password)
        #expect(try await harness.verify("Bearer \(token)").status == 200)

        // The forge is right: a well-formed token with a planted session verifies.
        let good = TokenForge.claims(sub: name)
        try await plantSession(harness, good)
        #expect(try await harness.verify("Bearer \(try await forge.hs256(good))").status == 200)

        var forged: [(String, String)] = []
        let none = TokenForge.claims(sub: name)
        try await plantSession(harness, none)
        forged.append(("alg none, empty signature", try TokenForge.assembled(header: ["alg": "none", "typ": "JWT", "kid": key.keyID], claims: none, signature: "")))
        forged.append(("alg none, any signature", try TokenForge.assembled(header: ["alg": "none", "typ": "JWT", "kid": key.keyID], claims: none, signature: "e30")))
        let other = TokenForge.claims(sub: name)
        try await plantSession(harness, other)
        forged.append(("another key", try await forge.hs256(other, key: AuthHarness.randomSecret())))
        let expired = TokenForge.claims(sub: name, issuedAt: Date().addingTimeInterval(-1000), expires: Date().addingTimeInterval(-5))
        try await plantSession(harness, expired)
        forged.append(("expired", try await forge.hs256(expired)))
        let early = TokenForge.claims(sub: name, notBefore: Date().addingTimeInterval(300), expires: Date().addingTimeInterval(900))
        try await plantSession(harness, early)
        forged.append(("not yet valid (nbf)", try await forge.hs256(early)))
        let future = TokenForge.claims(sub: name, issuedAt: Date().addingTimeInterval(600), notBefore: Date(), expires: Date().addingTimeInterval(900))
        try await plantSession(harness, future)
        forged.append(("issued in the future (iat)", try await forge.hs256(future)))
        let audience = TokenForge.claims(sub: name, audience: "someone-else")
        try await plantSession(harness, audience)
        forged.append(("wrong audience", try await forge.hs256(audience)))
        let issuer = TokenForge.claims(sub: name, issuer: "evil")
        try await plantSession(harness, issuer)
        forged.append(("wrong issuer", try await forge.hs256(issuer)))
        let unknownKid = TokenForge.claims(sub: name)
        try await plantSession(harness, unknownKid)
        forged.append(("unknown kid", try await forge.hs256(unknownKid, kid: .some("another-key-id"))))
        forged.append(("no kid", try await forge.hs256(unknownKid, kid: .none)))
        // Tampered payload: the same signature over a payload that claims another user.
        let parts = token.split(separator: ".").map(String.init)
        let tamperedClaims = TokenForge.base64URL(Data(#"{"sub":"root","roles":["admin"]}"#.utf8))
        forged.append(("tampered payload", "\(parts[0]).\(tamperedClaims).\(parts[2])"))
        forged.append(("truncated signature", "\(parts[0]).\(parts[1]).\(parts[2].dropLast(4))"))
        // A token that names a session of another user.
        let mismatch = TokenForge.claims(sub: "someone-else")
        try await plantSession(harness, TokenForge.claims(sub: name, jti: mismatch.jti.value))
        forged.append(("session of another user", try await forge.hs256(mismatch)))

        for (what, forgedToken) in forged {
            try await expectRefused(harness, "Bearer \(forgedToken)", what)
        }
        // Missing or malformed Authorization.
        for (what, header) in [("missing", nil), ("empty", ""), ("Basic", "Basic YWxpY2U6c2VjcmV0"), ("no token", "Bearer"),
                               ("two tokens", "Bearer \(token) \(token)"), ("bad characters", "Bearer \(token)<script>"),
                               ("not a JWT", "Bearer abc.def"), ("oversized", "Bearer " + String(repeating: "a", count: 9000))] as [(String, String?)] {
            try await expectRefused(harness, header, "Authorization \(what)")
        }
        let twoHeaders = try await RawHTTP.send("GET", harness.url("/auth/verify"), headers: [("Authorization", "Bearer \(token)"), ("Authorization", "Bearer \(token)")])
        #expect(twoHeaders.status == 401)
        // The genuine token still verifies; logout; then it does not.
        #expect(try await harness.verify("Bearer \(token)").status == 200)
        #expect(try await harness.logout(token).status == 200)
        try await expectRefused(harness, "Bearer \(token)", "after logout")
        try await harness.expectNoSecretsInLogsOrAudit([password, token, secret] + forged.map(\.1).filter { $0.count > 40 })
        await harness.stop()
    }

    @Test(.timeLimit(.minutes(2))) func es256RefusesAnHS256TokenMadeWithItsPublicKey() async throws {
        let privateKey = ES256PrivateKey()
        let key = try SigningKey(text: privateKey.pemRepresentation, source: "test")
        #expect(key.algorithm == .es256)
        let configuration = AuthConfiguration(signingKey: key, throttle: ThrottlePolicy(maximumAttemptsPerAddress: 1_000_000))
        guard let harness = try await AuthHarness.start(configuration: configuration) else { return }
        let name = AuthHarness.uniqueName("dave"), password = "dave's own passphrase"
        _ = try await harness.administration.add(username: name, password: password, roles: ["ops"])
        let token = try await harness.token(name, password)
        let header = try #require(TokenService.base64URLDecodeForTests(token.split(separator: ".")[0]))
        #expect(String(decoding: header, as: UTF8.self).contains(#""alg":"ES256""#))
        let verified = try await harness.verify("Bearer \(token)")
        #expect(verified.status == 200 && verified.headers["x-user"] == name)

        // Algorithm confusion: HMAC keyed with the public key's PEM, under our kid.
        let confused = TokenForge.claims(sub: name)
        try await plantSession(harness, confused)
        let publicPEM = privateKey.publicKey.pemRepresentation
        let forge = TokenForge(secret: publicPEM, keyID: key.keyID)
        try await expectRefused(harness, "Bearer \(try await forge.hs256(confused))", "HS256 with the ES256 public key")
        // Another ES256 key under our kid.
        let otherKeys = JWTKeyCollection()
        await otherKeys.add(ecdsa: ES256PrivateKey(), kid: JWKIdentifier(string: key.keyID))
        try await expectRefused(harness, "Bearer \(try await otherKeys.sign(confused, kid: JWKIdentifier(string: key.keyID)))", "ES256 with another key")
        await harness.stop()
    }
}

extension TokenService {
    static func base64URLDecodeForTests(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}

@Suite("Verified-token cache")
struct VerifiedTokenCacheTests {
    @Test(.timeLimit(.minutes(1))) func aCachedTokenStillExpiresAndOnlyIdenticalBytesHit() async throws {
        let secret = AuthHarness.randomSecret()
        let key = try SigningKey(text: secret, source: "test")
        let tokens = await TokenService(key: key, issuer: "ers", audience: "ers", lifetime: .seconds(2))
        let issued = try await tokens.issue(username: "judy", roles: ["reader"])
        #expect(try await tokens.verify(issued.token).sub.value == "judy")
        #expect(try await tokens.verify(issued.token).jti.value == issued.jti)
        // A changed signature is not the cached token.
        let parts = issued.token.split(separator: ".")
        let flipped = "\(parts[0]).\(parts[1]).\(parts[2].first == "A" ? "B" : "A")\(parts[2].dropFirst())"
        await #expect(throws: TokenRejection.self) { try await tokens.verify(flipped) }
        try await Task.sleep(for: .milliseconds(2200))
        await #expect(throws: TokenRejection.expired) { try await tokens.verify(issued.token) }
    }
}
