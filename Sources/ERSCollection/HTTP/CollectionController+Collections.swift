import ERSAuth
import ERSFleet
import ERSJobs
import ERSModel
import ERSServerCore
import Foundation
import Hummingbird

extension CollectionController {
    /// Most hosts one request may name.
    static let maximumNamedHosts = 10_000

    /// `POST /api/v1/collections` (operator): `{"reportType": "system", "hosts": ["a", "b"]}` or
    /// `{"reportType": "system", "selector": "env=prod"}` → 202 `{"id", "jobs", "status"}`: one
    /// job per enabled host. Named hosts that do not exist or are disabled are a 422 naming them;
    /// a selector that matches no enabled host is a 422 `no_matching_hosts` naming the selector,
    /// and nothing is created (no empty collection, no audit row). A started collection gets a
    /// `collection.started` audit row: acting user and role, report type, job count, the
    /// selector or the named hosts (the first 20), request id and client address.
    @Sendable func startCollection(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        let body = try await JSONBody.object(request, context: context)
        try HostRequest.checkKeys(body, allowed: ["reportType", "hosts", "selector"])
        guard let rawType = body["reportType"] as? String else { throw APIError.invalid("invalid_collection", "\"reportType\" is required, e.g. \"system\"") }
        // Only types a worker can collect: another would give jobs that all die in the workers.
        if let problem = ReportTypes.problem(rawType) { throw APIError.invalid("invalid_collection", "reportType \(problem)") }
        let reportType = rawType
        let choice: HostChoice
        var selectorText: String?
        var namedHosts: [String] = []
        switch (body["hosts"], body["selector"]) {
        case (.some(let hosts), .none):
            guard let list = hosts as? [Any], (1...Self.maximumNamedHosts).contains(list.count) else {
                throw APIError.invalid("invalid_collection", "\"hosts\" must be a list of 1 to \(Self.maximumNamedHosts) host names")
            }
            var names: [String] = []
            for item in list { names.append(try HostRequest.hostName(item).text) }
            let hostStore = service.hosts, unique = Array(Set(names))
            let found = try await store("PostgreSQL") { try await hostStore.ids(named: unique) }
            let missing = unique.filter { found[$0] == nil }.sorted()
            guard missing.isEmpty else {
                throw APIError.invalid("unknown_host", "no host is named \(missing.prefix(20).joined(separator: ", ")); create them with POST /api/v1/hosts first")
            }
            let disabled = unique.filter { found[$0]?.disabled == true }.sorted()
            guard disabled.isEmpty else {
                throw APIError.invalid("host_disabled", "\(disabled.prefix(20).joined(separator: ", ")) disabled; enable with PATCH {\"disabled\": false} or leave out")
            }
            choice = .ids(unique.compactMap { found[$0]?.id }.sorted())
            namedHosts = unique.sorted()
        case (.none, .some(let selector)):
            guard let text = selector as? String else { throw APIError.invalid("invalid_collection", "\"selector\" must be a string such as \"env=prod\"") }
            do {
                let selector = try LabelSelector(text)
                choice = .selector(selector)
                selectorText = selector.description
            } catch {
                throw APIError.invalid("invalid_collection", "selector: \(error.description)")
            }
        default:
            throw APIError.invalid("invalid_collection", "give exactly one of \"hosts\" (a list of names) or \"selector\" (e.g. \"env=prod\")")
        }
        let queue = service.collections, user = principal.username
        let result = try await store("PostgreSQL") { try await queue.start(reportType: reportType, hosts: choice, requestedBy: user) }
        if result == .noMatchingHosts { throw Self.noMatchingHosts(selector: selectorText) }
        guard case .started(let id, let jobs) = result else {
            throw APIError(.internalServerError, "internal_error", "the queue did not start the collection (\(result)); see the service log")
        }
        var details = ["report_type": reportType, "jobs": String(jobs), "request_id": context.requestID, "role": principal.role.description]
        if let selectorText { details["selector"] = selectorText }
        if !namedHosts.isEmpty {
            details["hosts"] = namedHosts.prefix(20).joined(separator: ",") + (namedHosts.count > 20 ? ",… (\(namedHosts.count) in all)" : "")
        }
        let address = service.addresses.clientAddress(peer: context.remoteAddress?.ipAddress,
                                                      forwardedFor: request.headers[values: HTTPFieldName("X-Forwarded-For")!])
        await recordQuietly(AuditEvent(action: .collectionStarted, userID: user, resourceType: "collection", resourceID: String(id),
                                       details: details, ipAddress: address), context: context)
        return JSONBody.response(.accepted, ["id": id, "jobs": jobs, "status": "/api/v1/collections/\(id)"],
                                 headers: [.location: "/api/v1/collections/\(id)"])
    }

    /// The 422 for a collection that would have no job: names the selector (or says the named
    /// hosts changed meanwhile) and how to look.
    static func noMatchingHosts(selector: String?) -> APIError {
        guard let selector else {
            // The named hosts were checked just before: one was disabled or deleted meanwhile.
            return APIError.invalid("no_matching_hosts",
                                    "none of the named hosts is an enabled host any more (disabled or deleted just now); nothing was started. GET /api/v1/hosts/{name} shows each")
        }
        let shown = selector.isEmpty ? "\"\" (every host)" : "\"\(selector)\""
        let query = selector.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~!,"))) ?? selector
        return APIError.invalid("no_matching_hosts", """
            no enabled host matches the selector \(shown); nothing was started. GET /api/v1/hosts?selector=\(query) lists the hosts it \
            matches, disabled ones included (enable them with PATCH {"disabled": false}); POST /api/v1/hosts adds hosts
            """)
    }

    /// `GET /api/v1/collections/{id}` (viewer): counts per state (all five, zeros included) and
    /// one row per host.
    @Sendable func collectionStatus(_ request: Request, context: ServerRequestContext, principal: Principal) async throws -> Response {
        guard let raw = context.parameters.get("id"), let id = Int64(raw), id > 0 else {
            throw APIError.badRequest("the collection id must be a positive integer (the \"id\" POST /api/v1/collections returned)")
        }
        let queue = service.collections
        guard let status = try await store("PostgreSQL", { try await queue.status(of: id) }) else {
            throw APIError.notFound("no collection has the id \(id)")
        }
        var counts: [String: Int] = [:]
        for state in ["queued", "running", "failed", "succeeded", "dead"] { counts[state] = status.counts[state] ?? 0 }
        let hosts: [[String: Any]] = status.hosts.map { job in
            var report: Any = NSNull()
            if let id = job.reportID, let created = job.reportCreatedAt {
                report = ReportID(id: id, createdAt: DatabaseTimestamp(created)).description
            }
            return ["hostname": job.hostname, "state": job.state, "attempts": job.attempts, "maxAttempts": job.maxAttempts,
                    "runAt": DatabaseTimestamp(job.runAt).rfc3339, "lastError": job.lastError ?? NSNull(), "errorKind": job.errorKind ?? NSNull(),
                    "reportId": report]
        }
        return JSONBody.response(.ok, [
            "id": status.id, "reportType": status.reportType, "requestedBy": status.requestedBy ?? NSNull(),
            "scheduleName": status.scheduleName ?? NSNull(), "scheduledFor": status.scheduledFor.map { DatabaseTimestamp($0).rfc3339 } ?? NSNull(),
            "createdAt": DatabaseTimestamp(status.createdAt).rfc3339, "finished": status.isFinished, "counts": counts, "hosts": hosts,
        ])
    }

    /// Writes `event` to `audit_logs`, logging (not failing the request) when it cannot.
    func recordQuietly(_ event: AuditEvent, context: ServerRequestContext) async {
        let audit = service.audit
        do {
            try await store("PostgreSQL") { try await audit.record(event) }
        } catch {
            context.logger.error("audit row not written", metadata: ["audit.action": "\(event.action.rawValue)", "error": "\(error)"])
        }
    }
}
