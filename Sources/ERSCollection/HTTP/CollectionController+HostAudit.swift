import ERSAuth
import ERSFleet
import ERSJobs
import ERSServerCore
import Foundation
import Hummingbird
import PostgresNIO

extension CollectionController {
    /// Runs `change` and writes its `audit_logs` row (acting user, host name, request id,
    /// client address, `details`) in one transaction: no host change without its audit row.
    func changeHost(_ action: AuditEvent.Action, _ principal: Principal, _ request: Request, _ context: ServerRequestContext,
                    details: [String: String], _ change: @escaping @Sendable (PostgresConnection) async throws -> HostRecord) async throws -> HostRecord {
        let postgres = service.postgres, audit = service.audit, logger = service.logger
        let address = service.addresses.clientAddress(peer: context.remoteAddress?.ipAddress,
                                                      forwardedFor: request.headers[values: HTTPFieldName("X-Forwarded-For")!])
        var facts = details
        facts["request_id"] = context.requestID
        facts["role"] = principal.role.description
        let recorded = facts
        return try await store("PostgreSQL") {
            try await postgres.withTransaction(logger: logger) { connection in
                let host = try await change(connection)
                try await audit.record(AuditEvent(action: action, userID: principal.username, resourceType: "host", resourceID: host.name.text,
                                                  details: recorded, ipAddress: address), on: connection)
                return host
            }
        }
    }

    /// What a create records: the new host's fields.
    static func auditDetails(_ draft: HostDraft) -> [String: String] {
        var details = ["address": draft.address.text, "port": draft.transport == .local ? "none" : String(draft.port), "transport": draft.transport.rawValue,
                       "labels": draft.labels.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")]
        if let user = draft.sshUser { details["ssh_user"] = user.name }
        return details
    }

    /// What an update records: the changed fields' new values.
    static func auditDetails(_ changes: HostChanges) -> [String: String] {
        var details: [String: String] = [:]
        if let address = changes.address { details["address"] = address.text }
        if let port = changes.port { details["port"] = String(port) }
        if let transport = changes.transport { details["transport"] = transport.rawValue }
        if let user = changes.sshUser { details["ssh_user"] = user?.name ?? "(removed)" }
        if let labels = changes.labels {
            details["labels"] = labels.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        }
        if let disabled = changes.disabled { details["disabled"] = String(disabled) }
        return details
    }

    /// A host as JSON.
    static func json(_ host: HostRecord) -> [String: Any] {
        ["name": host.name.text, "address": host.address.text, "port": host.transport == .local ? NSNull() as Any : host.port as Any, "transport": host.transport.rawValue,
         "sshUser": host.sshUser?.name ?? NSNull(), "labels": host.labels.values, "disabled": host.disabled,
         "createdAt": host.createdAt.rfc3339, "updatedAt": host.updatedAt.rfc3339]
    }
}
