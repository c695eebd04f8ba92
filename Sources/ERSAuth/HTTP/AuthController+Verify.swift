import ERSServerCore
import Hummingbird

extension AuthController {
    /// `GET /auth/verify`, the target of nginx `auth_request`: 200 with `X-User` and
    /// `X-Roles` (comma-separated) when the token's signature, algorithm, key id, issuer,
    /// audience, expiry and session all hold; 401 otherwise; 503 when the session store is
    /// down, which nginx turns into a 500 for the client: the request is denied (fail closed).
    func verify(_ request: Request, context: ServerRequestContext) async -> Response {
        switch await authenticate(request, context: context) {
        case .refused(let response):
            service.metrics.verify(response.status == .unauthorized ? "denied" : "unavailable")
            return response
        case .valid(_, let session):
            service.metrics.verify("allowed")
            return Response(status: .ok, headers: [.xUser: session.username, .xRoles: session.roles.joined(separator: ","),
                                                   .cacheControl: "no-store", .contentLength: "0"])
        }
    }
}
