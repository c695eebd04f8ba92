import Foundation
public import PostgresNIO

/// Writes ``AuditEvent``s into the partitioned `audit_logs` table (columns from the spec:
/// `user_id, action, resource_type, resource_id, details jsonb, ip_address inet, created_at`).
public struct AuditLog: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// Rows go to the database of `client`.
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Inserts `event` (`created_at` is the database's `now()`).
    /// - Throws: PostgreSQL errors (no partition for this month: run `ersctl partitions maintain`).
    public func record(_ event: AuditEvent) async throws {
        try await client.query(try Self.insert(event), logger: logger)
    }

    /// Inserts `event` on `connection` (inside the caller's transaction).
    /// - Throws: PostgreSQL errors.
    public func record(_ event: AuditEvent, on connection: PostgresConnection) async throws {
        try await connection.query(try Self.insert(event), logger: logger)
    }

    static func insert(_ event: AuditEvent) throws -> PostgresQuery {
        let details = String(decoding: try JSONSerialization.data(withJSONObject: event.details, options: [.sortedKeys]), as: UTF8.self)
        return """
            INSERT INTO audit_logs (user_id, action, resource_type, resource_id, details, ip_address)
            VALUES (\(event.userID), \(event.action.rawValue), \(event.resourceType), \(event.resourceID), \(details)::jsonb, \(event.ipAddress)::inet)
            """
    }
}
