import Foundation
public import JWTKit

/// The claims of an ERS access token (RFC 7519 §4.1): `sub` (user name), `iat`, `nbf`,
/// `exp` (whole seconds), `jti` (the session id), `iss`, `aud`, plus `roles`.
public struct AccessTokenClaims: JWTPayload, Sendable {
    /// Subject: the user name.
    public var sub: SubjectClaim
    /// Issued at (whole seconds since 1970).
    public var iat: IssuedAtClaim
    /// Not before: the issue time.
    public var nbf: NotBeforeClaim
    /// Expiry: `iat` plus `JWT_LIFETIME_SECONDS`.
    public var exp: ExpirationClaim
    /// Token id, also the session id (`session:<jti>`).
    public var jti: IDClaim
    /// Issuer: `JWT_ISSUER`.
    public var iss: IssuerClaim
    /// Audience: `[JWT_AUDIENCE]`.
    public var aud: AudienceClaim
    /// Roles at login time (informational; `/auth/verify` answers with the session's roles).
    public var roles: [String]

    /// Claims from parts.
    public init(sub: SubjectClaim, iat: IssuedAtClaim, nbf: NotBeforeClaim, exp: ExpirationClaim, jti: IDClaim, iss: IssuerClaim,
                aud: AudienceClaim, roles: [String]) {
        self.sub = sub
        self.iat = iat
        self.nbf = nbf
        self.exp = exp
        self.jti = jti
        self.iss = iss
        self.aud = aud
        self.roles = roles
    }

    /// Placeholder claims, signed once at start-up to learn the header segment this service writes.
    static var probe: AccessTokenClaims {
        let now = Date()
        return AccessTokenClaims(sub: .init(value: "probe"), iat: .init(value: now), nbf: .init(value: now), exp: .init(value: now),
                                 jti: .init(value: "probe"), iss: .init(value: "probe"), aud: .init(value: ["probe"]), roles: [])
    }

    /// Time claims: not expired, already valid (RFC 7519 §4.1.4, §4.1.5). Issuer and
    /// audience are checked by ``TokenService``, which knows the expected values.
    public func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
        try nbf.verifyNotBefore()
    }
}
