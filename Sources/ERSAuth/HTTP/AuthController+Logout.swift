import ERSServerCore
import Hummingbird

extension AuthController {
    /// `POST /auth/logout` with `Authorization: Bearer <token>`: ends the token's session, so
    /// the token no longer verifies anywhere. 200 `{"status":"logged_out"}`; 401 when the token
    /// is not valid (or already logged out); 503 when the session store is down.
    func logout(_ request: Request, context: ServerRequestContext) async -> Response {
        let claims: AccessTokenClaims
        switch await authenticate(request, context: context) {
        case .refused(let response): return response
        case .valid(let valid, _): claims = valid
        }
        let sessions = service.sessions
        let jti = claims.jti.value, username = claims.sub.value
        do {
            _ = try await withTimeout(service.storeTimeout, "ending the session") { try await sessions.revoke(jti: jti, username: username) }
        } catch {
            context.logger.error("session store unavailable", metadata: ["error": "\(error)"])
            return AuthResponses.unavailable("the session store")
        }
        await service.recordQuietly(AuditEvent(action: .logout, userID: username, resourceType: "session", resourceID: jti,
                                               details: ["request_id": context.requestID], ipAddress: clientAddress(request, context: context)))
        context.logger.info("logout", metadata: ["user": "\(username)"])
        return AuthResponses.json(.ok, ["status": "logged_out"])
    }
}
