public import ERSServerCore
public import Hummingbird

/// The auth endpoints: `POST /auth/login`, `POST /auth/logout`, `GET /auth/verify`.
public struct AuthController: Sendable {
    let service: AuthService

    /// Endpoints backed by `service`.
    public init(service: AuthService) {
        self.service = service
    }

    /// Adds the routes to `router`.
    public func addRoutes(to router: Router<ServerRequestContext>) {
        router.post("/auth/login") { request, context in try await login(request, context: context) }
        router.post("/auth/logout") { request, context in await logout(request, context: context) }
        router.get("/auth/verify") { request, context in await verify(request, context: context) }
    }

    /// The client's address per ``ClientAddressResolver``.
    func clientAddress(_ request: Request, context: ServerRequestContext) -> String? {
        service.addresses.clientAddress(peer: context.remoteAddress?.ipAddress,
                                        forwardedFor: request.headers[values: HTTPFieldName("X-Forwarded-For")!])
    }

    /// A token's claims and session, or the response that refuses it.
    enum Authentication {
        case valid(AccessTokenClaims, Session)
        case refused(Response)
    }

    /// Checks the bearer token of `request` and its session: 401 for any token problem, 503
    /// when the session store cannot be asked (fail closed).
    func authenticate(_ request: Request, context: ServerRequestContext) async -> Authentication {
        guard let token = BearerToken.from(request) else {
            return .refused(AuthResponses.unauthorized("invalid_request"))
        }
        let claims: AccessTokenClaims
        do {
            claims = try await service.tokens.verify(token)
        } catch {
            context.logger.info("token refused", metadata: ["reason": "\(error)"])
            return .refused(AuthResponses.unauthorized())
        }
        let session: Session?
        do {
            // Bounded without a timer task of its own: the Redis pool limits connect, lease and
            // reply times (2 s each); the in-memory store does not wait.
            session = try await service.sessions.find(jti: claims.jti.value)
        } catch {
            context.logger.error("session store unavailable", metadata: ["error": "\(error)"])
            return .refused(AuthResponses.unavailable("the session store"))
        }
        guard let session, session.username == claims.sub.value else {
            context.logger.info("token refused", metadata: ["reason": "\(TokenRejection.noSession)"])
            return .refused(AuthResponses.unauthorized())
        }
        return .valid(claims, session)
    }
}
