import ERSServerCore
import Foundation
import Hummingbird

extension AuthController {
    /// `POST /auth/login` with `{"username":…,"password":…}` (`Content-Type: application/json`;
    /// credentials in the URL are refused with 400, never read).
    ///
    /// - 200 `{"access_token","token_type":"Bearer","expires_in"}` and a session that ends
    ///   with the token;
    /// - 401 `invalid_credentials`, the same body and a similar time (one bcrypt check) for an
    ///   unknown user, a disabled user and a wrong password;
    /// - 429 with `Retry-After` (seconds) past the per-user or per-address limit;
    /// - 503 when PostgreSQL or Redis cannot be reached.
    ///
    /// Every outcome is written to `audit_logs`; no password or token is logged anywhere.
    func login(_ request: Request, context: ServerRequestContext) async throws -> Response {
        if let query = request.uri.query, !query.isEmpty {
            return AuthResponses.error(.badRequest, "invalid_request", "credentials go in a JSON body, never in the URL; remove the query string")
        }
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/json") else {
            return AuthResponses.error(.unsupportedMediaType, "invalid_request", "send Content-Type: application/json with {\"username\":…,\"password\":…}")
        }
        let body = try await request.body.collect(upTo: 8 * 1024)
        guard let credentials = try? JSONDecoder().decode(LoginRequest.self, from: Data(body.readableBytesView)) else {
            return AuthResponses.error(.badRequest, "invalid_request", "the body must be a JSON object {\"username\":\"…\",\"password\":\"…\"}")
        }
        let address = clientAddress(request, context: context)
        // What was typed, for counters and the audit row: lower-cased, control characters dropped, 100 at most.
        let attempted = String(String.UnicodeScalarView(credentials.username.lowercased().unicodeScalars.filter {
            !$0.properties.isWhitespace && $0.properties.generalCategory != .control
        }).prefix(UserName.maximumLength))
        let requestID = context.requestID

        // Throttling first, before any password work.
        let throttle = service.throttle
        let decision: ThrottleDecision
        do {
            decision = try await withTimeout(service.storeTimeout, "counting the login attempt") {
                try await throttle.register(username: attempted, address: address)
            }
        } catch {
            context.logger.error("login throttle store unavailable", metadata: ["error": "\(error)"])
            service.metrics.login("unavailable")
            return AuthResponses.unavailable("the session store")
        }
        if case .throttled(let scope, let retryAfter) = decision {
            let seconds = max(1, retryAfter.components.seconds + (retryAfter.components.attoseconds > 0 ? 1 : 0))
            await service.recordQuietly(AuditEvent(action: .loginThrottled, userID: attempted, resourceType: "user", resourceID: attempted,
                                                   details: ["scope": scope, "retry_after_s": String(seconds), "request_id": requestID], ipAddress: address))
            context.logger.notice("login throttled", metadata: ["scope": "\(scope)", "retry_after_s": "\(seconds)"])
            service.metrics.login("throttled")
            return AuthResponses.error(.tooManyRequests, "too_many_attempts", "too many login attempts; retry after \(seconds) s",
                                       headers: [.retryAfter: String(seconds)])
        }

        // The user, then exactly one bcrypt check whatever the outcome.
        let users = service.users
        let record: UserRecord?
        do {
            let name = attempted
            record = UserName.isValid(name) ? try await withTimeout(service.storeTimeout, "reading the user") { try await users.find(name) } : nil
        } catch {
            context.logger.error("user store unavailable", metadata: ["error": "\(error)"])
            service.metrics.login("unavailable")
            return AuthResponses.unavailable("the user database")
        }
        let usable = record.flatMap { $0.disabled ? nil : $0 }
        let matched = await service.hasher.verify(credentials.password, against: usable?.passwordHash)
        guard matched, let user = usable else {
            let reason = record == nil ? "unknown_user" : (record?.disabled == true ? "disabled" : "wrong_password")
            await service.recordQuietly(AuditEvent(action: .loginFailed, userID: attempted, resourceType: "user", resourceID: attempted,
                                                   details: ["reason": reason, "request_id": requestID], ipAddress: address))
            context.logger.notice("login failed", metadata: ["reason": "\(reason)"])
            service.metrics.login("invalid_credentials")
            return AuthResponses.error(.unauthorized, "invalid_credentials", "the user name or password is wrong")
        }

        // Token, session, audit row; any store failure undoes the session and answers 503.
        let issued = try await service.tokens.issue(username: user.username, roles: user.roles)
        let session = Session(username: user.username, roles: user.roles, expiresAt: issued.expiresAt)
        let sessions = service.sessions, lifetime = service.configuration.tokenLifetime
        do {
            try await withTimeout(service.storeTimeout, "storing the session") {
                try await sessions.create(jti: issued.jti, session: session, lifetime: lifetime)
            }
        } catch {
            context.logger.error("session store unavailable", metadata: ["error": "\(error)"])
            service.metrics.login("unavailable")
            return AuthResponses.unavailable("the session store")
        }
        do {
            let audit = service.audit
            try await withTimeout(service.storeTimeout, "writing the audit row") {
                try await audit.record(AuditEvent(action: .login, userID: user.username, resourceType: "session", resourceID: issued.jti,
                                                  details: ["request_id": requestID], ipAddress: address))
            }
        } catch {
            context.logger.error("audit row not written; login refused", metadata: ["error": "\(error)"])
            _ = try? await sessions.revoke(jti: issued.jti, username: user.username)
            service.metrics.login("unavailable")
            return AuthResponses.unavailable("the audit log")
        }
        try? await throttle.succeeded(username: attempted, address: address)
        service.metrics.login("success")
        context.logger.info("login", metadata: ["user": "\(user.username)"])
        return AuthResponses.json(.ok, ["access_token": issued.token, "token_type": "Bearer",
                                        "expires_in": Int(service.configuration.tokenLifetime.components.seconds)])
    }
}
