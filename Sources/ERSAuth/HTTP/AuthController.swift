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
        switch await BearerAuthenticator(tokens: service.tokens, sessions: service.sessions).authenticate(request) {
        case .valid(let claims, let session):
            return .valid(claims, session)
        case .missing:
            return .refused(AuthResponses.unauthorized("invalid_request"))
        case .refused(let reason):
            context.logger.info("token refused", metadata: ["reason": "\(reason)"])
            return .refused(AuthResponses.unauthorized())
        case .unavailable(let error):
            context.logger.error("session store unavailable", metadata: ["error": "\(error)"])
            return .refused(AuthResponses.unavailable("the session store"))
        }
    }
}
