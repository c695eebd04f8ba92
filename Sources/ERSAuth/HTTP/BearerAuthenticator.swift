public import Hummingbird

/// Checks the bearer token of a request the way `/auth/verify` does, for every ERS service that
/// verifies tokens itself instead of trusting a header set by a proxy: the token (RFC 6750
/// §2.1) through ``TokenService/verify(_:)`` (signature, algorithm, key id, issuer, audience,
/// expiry), then its session (the `jti`) in the ``SessionStore``, whose user must be the
/// token's `sub`. The roles are the session's, so a logout or a disabled user takes effect at
/// once.
public struct BearerAuthenticator: Sendable {
    /// Verifies tokens.
    public let tokens: TokenService
    /// Holds the live sessions.
    public let sessions: any SessionStore

    /// An authenticator with the auth service's key settings and session store.
    public init(tokens: TokenService, sessions: any SessionStore) {
        self.tokens = tokens
        self.sessions = sessions
    }

    /// What ``authenticate(_:)`` found.
    public enum Outcome: Sendable {
        /// A valid token with a live session.
        case valid(AccessTokenClaims, Session)
        /// No well-formed `Authorization: Bearer` header (401 `invalid_request`).
        case missing
        /// The token or its session is refused (401 `invalid_token`); the reason is for logs only.
        case refused(reason: String)
        /// The session store could not be asked (503: fail closed); the error is for logs only.
        case unavailable(String)
    }

    /// Authenticates `request`.
    public func authenticate(_ request: Request) async -> Outcome {
        guard let token = BearerToken.from(request) else { return .missing }
        let claims: AccessTokenClaims
        do {
            claims = try await tokens.verify(token)
        } catch {
            return .refused(reason: "\(error)")
        }
        let session: Session?
        do {
            // Bounded without a timer task of its own: the Redis pool limits connect, lease and
            // reply times (2 s each); the in-memory store does not wait.
            session = try await sessions.find(jti: claims.jti.value)
        } catch {
            return .unavailable("\(error)")
        }
        guard let session, session.username == claims.sub.value else { return .refused(reason: "\(TokenRejection.noSession)") }
        return .valid(claims, session)
    }
}
