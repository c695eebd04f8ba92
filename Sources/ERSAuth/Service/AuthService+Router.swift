public import ERSServerCore
public import Hummingbird

extension AuthService {
    /// The auth role's router: the shared routes of `runtime` (with this service's readiness
    /// checks), CORS for the configured origins, and the auth endpoints.
    public func makeRouter(runtime: ServerRuntime) -> Router<ServerRequestContext> {
        let router = runtime.makeRouter(checks: readinessChecks(runtime: runtime))
        router.add(middleware: CORSAllowListMiddleware(origins: configuration.corsAllowedOrigins))
        AuthController(service: self).addRoutes(to: router)
        return router
    }
}
