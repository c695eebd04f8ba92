import ERSAuth
import ERSFleet
import ERSJobs
import ERSServerCore
import Foundation
import Hummingbird

extension CollectionController {
    /// `POST /api/v1/hosts` (admin): 201 with the host; 422 for a field breaking a rule, 409
    /// when the name exists.
    @Sendable func createHost(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let draft = try HostRequest.draft(try await JSONBody.object(request, context: context))
        let hosts = service.hosts
        let host = try await changeHost(.hostCreated, principal, request, context, details: Self.auditDetails(draft)) { connection in
            try await hosts.create(draft, on: connection)
        }
        return JSONBody.response(.created, Self.json(host), headers: [.location: "/api/v1/hosts/\(host.name.text)"])
    }

    /// `GET /api/v1/hosts?selector=&limit=&cursor=` (viewer): hosts by id, `nextCursor` while
    /// more follow.
    @Sendable func listHosts(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let parameters = QueryParameters(request: request)
        let limit = try parameters.limit()
        let selector: LabelSelector
        do {
            selector = try LabelSelector(parameters.string("selector") ?? "")
        } catch {
            throw APIError.badRequest("selector: \(error.description)")
        }
        let after = try parameters.string("cursor").map { cursor throws(PageCursorError) in try HostPage.after(cursor: cursor) }
        let hosts = service.hosts
        let page = try await store("PostgreSQL") { try await hosts.list(selector: selector, limit: limit, after: after) }
        return JSONBody.response(.ok, ["hosts": page.hosts.map(Self.json), "nextCursor": page.nextCursor?.encoded ?? NSNull()])
    }

    /// `GET /api/v1/hosts/{name}` (viewer).
    @Sendable func getHost(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let name = try hostName(context)
        let hosts = service.hosts
        guard let host = try await store("PostgreSQL", { try await hosts.get(name: name) }) else { throw HostStoreError.notFound(name) }
        return JSONBody.response(.ok, Self.json(host))
    }

    /// `PATCH /api/v1/hosts/{name}` (admin): 200 with the changed host.
    @Sendable func updateHost(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let name = try hostName(context)
        let changes = try HostRequest.changes(try await JSONBody.object(request, context: context))
        let hosts = service.hosts
        let host = try await changeHost(.hostUpdated, principal, request, context, details: Self.auditDetails(changes)) { connection in
            try await hosts.update(name: name, changes: changes, on: connection)
        }
        return JSONBody.response(.ok, Self.json(host))
    }

    /// `POST /api/v1/hosts/{name}/disable` (admin): 200 with the host, now disabled.
    @Sendable func disableHost(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let name = try hostName(context)
        let hosts = service.hosts
        let host = try await changeHost(.hostDisabled, principal, request, context, details: [:]) { connection in
            try await hosts.disable(name: name, on: connection)
        }
        return JSONBody.response(.ok, Self.json(host))
    }

    /// `DELETE /api/v1/hosts/{name}` (admin): 204.
    @Sendable func deleteHost(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let name = try hostName(context)
        let hosts = service.hosts
        _ = try await changeHost(.hostDeleted, principal, request, context, details: [:]) { connection in
            try await hosts.delete(name: name, on: connection)
        }
        return Response(status: .noContent, headers: [.cacheControl: "no-store"])
    }
}
