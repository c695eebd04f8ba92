import ERSAuth
import ERSServerCore
import Hummingbird

/// Every route's gate: the bearer token verified by this service with ERSAuth's
/// ``BearerAuthenticator`` (signature, claims and the session in Redis; nothing a proxy set is
/// trusted), then the role the route needs.
struct AccessControl: Sendable {
    let authenticator: BearerAuthenticator

    /// The caller, when its token is valid and its role is at least `role`.
    /// - Throws: ``APIError`` 401 (no or bad token; `WWW-Authenticate: Bearer`, RFC 6750 §3),
    ///   403 (role too low), 503 (session store unreachable: fail closed).
    func require(_ role: Role, _ request: Request, context: ServerRequestContext) async throws(APIError) -> Principal {
        switch await authenticator.authenticate(request) {
        case .missing:
            throw APIError(.unauthorized, "unauthorized", "send Authorization: Bearer <token> (log in with POST /auth/login)",
                           headers: [.wwwAuthenticate: "Bearer realm=\"ers\", error=\"invalid_request\""])
        case .refused(let reason):
            context.logger.info("token refused", metadata: ["reason": "\(reason)"])
            throw APIError(.unauthorized, "unauthorized", "the token is invalid, expired or revoked; log in again",
                           headers: [.wwwAuthenticate: "Bearer realm=\"ers\", error=\"invalid_token\""])
        case .unavailable(let error):
            context.logger.error("session store unavailable", metadata: ["error": "\(error)"])
            throw APIError.unavailable("the session store (Redis)")
        case .valid(_, let session):
            guard let have = Role.highest(of: session.roles), have >= role else {
                context.logger.info("role too low", metadata: ["user": "\(session.username)", "required": "\(role)"])
                throw APIError(.forbidden, "forbidden", "this needs the \(role) role (or a higher one: admin ⊇ operator ⊇ viewer); ask an admin")
            }
            return Principal(username: session.username, role: have)
        }
    }
}
