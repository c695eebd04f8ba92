import ERSJobs
import ERSServerCore
import Foundation
import Hummingbird

extension CollectionController {
    /// `POST /api/v1/collections` (operator). Placeholder until the queue branch's
    /// `CollectionQueue` is merged.
    @Sendable func startCollection(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        throw APIError(.notImplemented, "not_implemented", "collections are not wired yet")
    }

    /// `GET /api/v1/collections/{id}` (viewer). Placeholder.
    @Sendable func collectionStatus(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        throw APIError(.notImplemented, "not_implemented", "collections are not wired yet")
    }
}
