public import Foundation
public import JWTKit

/// Issues and verifies access tokens with one ``SigningKey``.
///
/// Verification checks, in order: the compact form (three base64url parts, at most 8 KiB);
/// the header's `alg` against an allow-list of exactly the configured algorithm (so `none`,
/// and an HS256 token made with the ES256 public key, are refused before any key is used);
/// the `kid` against the configured key's id (jwt-kit falls back to a default key for an
/// unknown `kid`, so this check is what refuses it); no `crit`; the signature; `exp` and
/// `nbf`; `iat` not in the future; `iss` and `aud`. RFC 7515, RFC 7519 §7.2, RFC 8725 §3.1.
///
/// A token that passed all of these is remembered (``VerifiedTokenCache``, keyed by its exact
/// bytes); the next verify of the same token only redoes the time checks.
public struct TokenService: Sendable {
    /// The signing key.
    public let key: SigningKey
    /// Expected and issued `iss`.
    public let issuer: String
    /// Expected and issued `aud`.
    public let audience: String
    /// Lifetime of issued tokens.
    public let lifetime: Duration
    private let keys: JWTKeyCollection
    /// The header segment of tokens this service signs, once known: a token whose header is
    /// byte for byte this one needs no header parsing.
    private let issuedHeader: String
    /// Tokens that verified before (signature and claims), for the hot path of `/auth/verify`.
    private let cache = VerifiedTokenCache()

    /// Largest token accepted, in bytes.
    public static let maximumTokenLength = 8192
    /// Tolerated clock difference for `iat` in the future.
    static let clockSkew: Int64 = 30

    /// A token service.
    public init(key: SigningKey, issuer: String, audience: String, lifetime: Duration) async {
        self.key = key
        self.issuer = issuer
        self.audience = audience
        self.lifetime = lifetime
        let keys = JWTKeyCollection()
        let kid = JWKIdentifier(string: key.keyID)
        switch key.material {
        case .symmetric(let bytes):
            await keys.add(hmac: HMACKey(from: bytes), digestAlgorithm: .sha256, kid: kid)
        case .ecdsa(let privateKey):
            await keys.add(ecdsa: privateKey, kid: kid)
        }
        self.keys = keys
        var header = JWTHeader()
        header.typ = "JWT"
        let probe = try? await keys.sign(AccessTokenClaims.probe, kid: kid, header: header)
        issuedHeader = probe.flatMap { $0.split(separator: ".").first.map(String.init) } ?? ""
    }

    /// A token issued now.
    public struct Issued: Sendable {
        /// The compact JWT.
        public var token: String
        /// Its `jti`, the session id.
        public var jti: String
        /// Its `exp`, seconds since 1970.
        public var expiresAt: Int64
    }

    /// Signs a token for `username` with `roles`, valid from now for ``lifetime``.
    /// - Throws: jwt-kit's error when signing fails.
    public func issue(username: String, roles: [String], now: Date = Date()) async throws -> Issued {
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let expires = issuedAt.addingTimeInterval(TimeInterval(lifetime.components.seconds))
        let jti = UUID().uuidString.lowercased()
        let claims = AccessTokenClaims(sub: .init(value: username), iat: .init(value: issuedAt), nbf: .init(value: issuedAt),
                                       exp: .init(value: expires), jti: .init(value: jti), iss: .init(value: issuer),
                                       aud: .init(value: [audience]), roles: roles)
        var header = JWTHeader()
        header.typ = "JWT"
        let token = try await keys.sign(claims, kid: JWKIdentifier(string: key.keyID), header: header)
        return Issued(token: token, jti: jti, expiresAt: Int64(expires.timeIntervalSince1970))
    }

    /// The verified claims of `token`.
    /// - Throws: ``TokenRejection`` saying which check failed.
    public func verify(_ token: String) async throws(TokenRejection) -> AccessTokenClaims {
        if let claims = cache.claims(for: token) { return claims }
        let claims = try await verifyUncached(token)
        cache.insert(token, claims: claims)
        return claims
    }

    /// Every check of ``verify(_:)``, without the cache.
    func verifyUncached(_ token: String) async throws(TokenRejection) -> AccessTokenClaims {
        guard token.utf8.count <= Self.maximumTokenLength else { throw .malformed }
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { throw .malformed }
        if !parts[0].elementsEqual(issuedHeader.utf8) {
            try checkHeader(Substring(parts[0]))
        }
        let claims: AccessTokenClaims
        do {
            claims = try await keys.verify(token, as: AccessTokenClaims.self)
        } catch let error as JWTError {
            if error.errorType == .signatureVerificationFailed { throw .badSignature }
            if error.failedClaim is ExpirationClaim { throw .expired }
            if error.failedClaim is NotBeforeClaim { throw .notYetValid }
            throw .invalidClaims
        } catch {
            throw .invalidClaims
        }
        guard Int64(claims.iat.value.timeIntervalSince1970) <= Int64(Date().timeIntervalSince1970) + Self.clockSkew else { throw .notYetValid }
        guard claims.iss.value == issuer else { throw .wrongIssuer }
        guard claims.aud.value.contains(audience) else { throw .wrongAudience }
        return claims
    }

    /// The header checks for a header other than the one this service writes: `alg` exactly
    /// the configured algorithm, `kid` exactly ours, no `crit`.
    private func checkHeader(_ segment: Substring) throws(TokenRejection) {
        guard let headerData = Self.base64URLDecode(segment),
              let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any]
        else { throw .malformed }
        guard let alg = header["alg"] as? String, alg == key.algorithm.rawValue else {
            throw .algorithmNotAllowed((header["alg"] as? String) ?? "missing")
        }
        guard let kid = header["kid"] as? String, kid == key.keyID else { throw .unknownKeyID }
        guard header["crit"] == nil else { throw .unsupportedCritical }
    }

    /// Decodes base64url without padding (RFC 4648 §5).
    static func base64URLDecode(_ text: Substring) -> Data? {
        var bytes = text.utf8.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "-"): UInt8(ascii: "+")
            case UInt8(ascii: "_"): UInt8(ascii: "/")
            default: byte
            }
        }
        while bytes.count % 4 != 0 { bytes.append(UInt8(ascii: "=")) }
        return Data(base64Encoded: Data(bytes))
    }
}
