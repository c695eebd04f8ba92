/// Why a bearer token was refused. The reason is logged and counted, never shown to the
/// client beyond `invalid_token` (RFC 6750 §3.1).
public enum TokenRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not three base64url parts, or too long.
    case malformed
    /// The header's `alg` is not the configured algorithm (covers `none` and HS256/ES256 confusion).
    case algorithmNotAllowed(String)
    /// The header names no `kid`, or one that is not ours.
    case unknownKeyID
    /// The header has `crit` extensions we do not understand (RFC 7515 §4.1.11).
    case unsupportedCritical
    /// The signature does not match.
    case badSignature
    /// `exp` has passed.
    case expired
    /// `nbf` (or `iat`) lies in the future.
    case notYetValid
    /// `iss` is not ours.
    case wrongIssuer
    /// `aud` does not include ours.
    case wrongAudience
    /// The claims do not decode.
    case invalidClaims
    /// The session was revoked (logout) or has expired.
    case noSession

    /// A short reason for logs and metrics.
    public var description: String {
        switch self {
        case .malformed: "malformed token"
        case .algorithmNotAllowed(let alg): "algorithm '\(alg.prefix(20))' not allowed"
        case .unknownKeyID: "unknown key id"
        case .unsupportedCritical: "unsupported crit header"
        case .badSignature: "bad signature"
        case .expired: "expired"
        case .notYetValid: "not yet valid"
        case .wrongIssuer: "wrong issuer"
        case .wrongAudience: "wrong audience"
        case .invalidClaims: "invalid claims"
        case .noSession: "no session (logged out or expired)"
        }
    }
}
