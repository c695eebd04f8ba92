public import ERSServerCore
public import Hummingbird

extension CollectionService {
    /// The collection role's router: the shared routes of `runtime` (`/health`, `/ready` with
    /// PostgreSQL and Redis, `/metrics`; no token) and the API under `/api/v1` (every route
    /// needs a token).
    public func makeRouter(runtime: ServerRuntime) -> Router<ServerRequestContext> {
        let router = runtime.makeRouter(checks: readinessChecks(runtime: runtime))
        CollectionController(service: self).addRoutes(to: router)
        return router
    }
}
