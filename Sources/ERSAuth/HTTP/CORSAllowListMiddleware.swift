public import ERSServerCore
public import Hummingbird

/// CORS (Fetch standard, "CORS protocol") for an exact list of origins. A request from a
/// listed origin gets `Access-Control-Allow-Origin: <that origin>` and `Vary: Origin`; no
/// wildcard is ever sent, and no `Access-Control-Allow-Credentials` (tokens travel in the
/// `Authorization` header, not in cookies). Preflights from other origins get 403 and no CORS
/// headers, so browsers block the call.
public struct CORSAllowListMiddleware: RouterMiddleware {
    /// The request context of ers-server.
    public typealias Context = ServerRequestContext
    let origins: Set<String>

    /// Allows `origins` (exact `scheme://host[:port]` strings).
    public init(origins: Set<String>) {
        self.origins = origins
    }

    /// Answers preflights from listed origins, refuses others, and marks simple responses.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        let allowed = origins.contains(origin)
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            guard allowed else { return Response(status: .forbidden, headers: [.vary: "Origin"]) }
            return Response(status: .noContent, headers: [
                .accessControlAllowOrigin: origin, .vary: "Origin", .accessControlAllowMethods: "GET, POST",
                .accessControlAllowHeaders: "Authorization, Content-Type, X-Request-ID", .accessControlMaxAge: "600",
            ])
        }
        var response = try await next(request, context)
        response.headers[.vary] = "Origin"
        if allowed { response.headers[.accessControlAllowOrigin] = origin }
        return response
    }
}
