import ERSDatabase
import ERSJobs
import ERSRedis
import ERSServerCore
import Hummingbird
import Logging
import PostgresNIO

/// The routes of the collection API, all under `/api/v1` (the gateway forwards these paths
/// unchanged) and all behind ``AccessControl``. See docs/ers-server.md for the list.
struct CollectionController: Sendable {
    let service: CollectionService

    typealias Handler = @Sendable (Request, ServerRequestContext, Principal) async throws -> Response

    func addRoutes(to router: Router<ServerRequestContext>) {
        let api = router.group("/api/v1")
        api.post("/hosts", use: route(.admin, createHost))
        api.get("/hosts", use: route(.viewer, listHosts))
        api.get("/hosts/:name", use: route(.viewer, getHost))
        api.patch("/hosts/:name", use: route(.admin, updateHost))
        api.post("/hosts/:name/disable", use: route(.admin, disableHost))
        api.delete("/hosts/:name", use: route(.admin, deleteHost))
        api.get("/hosts/:name/reports/latest", use: route(.viewer, latestReport))
        api.post("/collections", use: route(.operator, startCollection))
        api.get("/collections/:id", use: route(.viewer, collectionStatus))
        api.get("/reports", use: route(.viewer, listReports))
        api.get("/reports/:id", use: route(.viewer, getReport))
        api.get("/audit-logs", use: route(.admin, listAudit))
    }

    /// `handler` behind the token and role check, with every error turned into a JSON answer.
    func route(_ role: Role, _ handler: @escaping Handler) -> @Sendable (Request, ServerRequestContext) async -> Response {
        let access = service.access, logger = service.logger
        return { request, context in
            do {
                let principal = try await access.require(role, request, context: context)
                return try await handler(request, context, principal)
            } catch {
                return Self.answer(for: error, context: context, logger: logger).response
            }
        }
    }

    /// The answer for an error a handler threw: its own ``APIError``s as they are, store
    /// errors by kind, datastores that do not answer as 503, anything else as 500 (logged).
    static func answer(for error: any Error, context: ServerRequestContext, logger: Logger) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as PostgresTransactionError:
            // The closure's own error (a missing host, a name taken) decides; otherwise BEGIN or COMMIT failed.
            if let inner = error.closureError ?? error.beginError ?? error.commitError {
                return answer(for: inner, context: context, logger: logger)
            }
            return APIError.unavailable("PostgreSQL")
        case let error as HostStoreError:
            switch error {
            case .nameTaken: return APIError(.conflict, "host_exists", error.description)
            case .notFound: return APIError.notFound(error.description)
            case .invalidPort, .portNotApplicable: return APIError.invalid("invalid_host", error.description)
            case .corruptRow:
                context.logger.error("corrupt host row", metadata: ["error": "\(error)"])
                return APIError(.internalServerError, "internal_error", error.description)
            }
        case let error as PageCursorError:
            return APIError.badRequest(error.description)
        case let error as DatabaseError:
            if case .server(let server, _) = error, !Self.isUnavailable(sqlState: server.sqlState) {
                context.logger.error("postgres refused a statement", metadata: ["error": "\(server)"])
                return APIError(.internalServerError, "internal_error", "the database refused the request (SQLSTATE \(server.sqlState)); see the service log for request id \(context.requestID)")
            }
            context.logger.error("postgres unavailable", metadata: ["error": "\(error)"])
            return APIError.unavailable("PostgreSQL")
        case let error as OperationTimeout:
            context.logger.error("datastore timeout", metadata: ["error": "\(error)"])
            return APIError.unavailable(error.operation)
        case let error as RedisError:
            context.logger.error("redis failed", metadata: ["error": "\(error)"])
            return APIError.unavailable("Redis")
        case let error as PSQLError:
            if let state = error.serverInfo?[.sqlState], !Self.isUnavailable(sqlState: state) {
                context.logger.error("postgres refused a statement", metadata: ["sqlstate": "\(state)", "error": "\(error.serverInfo?[.message] ?? "")"])
                return APIError(.internalServerError, "internal_error", "the database refused the request (SQLSTATE \(state)); see the service log for request id \(context.requestID)")
            }
            context.logger.error("postgres unavailable", metadata: ["error": "\(error.code)"])
            return APIError.unavailable("PostgreSQL")
        default:
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return APIError(.internalServerError, "internal_error", "the request failed; see the service log for request id \(context.requestID)")
        }
    }

    /// SQLSTATEs that mean the server cannot serve now: connection exceptions (08), operator
    /// intervention (57P01 admin shutdown, 57P02, 57P03 cannot connect now), insufficient
    /// resources (53) (PostgreSQL docs Appendix A).
    static func isUnavailable(sqlState: String) -> Bool {
        sqlState.hasPrefix("08") || sqlState.hasPrefix("53") || sqlState.hasPrefix("57P")
    }

    /// Runs `body` against PostgreSQL or Redis within the store timeout.
    /// - Throws: ``OperationTimeout`` naming `what`, or `body`'s error.
    func store<T: Sendable>(_ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withTimeout(service.configuration.storeTimeout, what, body)
    }

    /// The path parameter `name` as a host name (lower-cased, validated).
    func hostName(_ context: ServerRequestContext) throws(APIError) -> String {
        guard let raw = context.parameters.get("name") else { throw APIError.badRequest("the path names no host") }
        return try HostRequest.hostName(raw).text
    }
}
