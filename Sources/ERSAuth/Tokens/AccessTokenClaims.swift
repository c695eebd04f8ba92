import Foundation
public import JWTKit

/// The claims of an ERS access token (RFC 7519 §4.1): `sub` (user name), `iat`, `nbf`,
/// `exp` (whole seconds), `jti` (the session id), `iss`, `aud`, plus `roles`.
public struct AccessTokenClaims: JWTPayload, Sendable {
    public var sub: SubjectClaim
    public var iat: IssuedAtClaim
    public var nbf: NotBeforeClaim
    public var exp: ExpirationClaim
    public var jti: IDClaim
    public var iss: IssuerClaim
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
