import ERSFleet
import PostgresNIO

extension HostStore {
    /// The transport of the host named `name`, its row locked `FOR UPDATE` (held until the end of
    /// `connection`'s transaction).
    /// - Throws: ``HostStoreError/notFound(_:)``, ``HostStoreError/corruptRow(name:reason:)``, PostgreSQL errors.
    func currentTransport(name: String, on connection: PostgresConnection?) async throws -> Transport {
        let query: PostgresQuery = "SELECT transport FROM hosts WHERE name = \(name) FOR UPDATE"
        let rows = if let connection { try await connection.query(query, logger: logger) } else { try await client.query(query, logger: logger) }
        for try await text in rows.decode(String.self) {
            guard let transport = Transport(rawValue: text) else { throw HostStoreError.corruptRow(name: name, reason: "unknown transport \(text)") }
            return transport
        }
        throw HostStoreError.notFound(name)
    }

    /// The ids of the hosts named `names`, by name, and which of them are disabled; names
    /// without a host are absent from the answer.
    /// - Throws: PostgreSQL errors.
    public func ids(named names: [String]) async throws -> [String: (id: Int64, disabled: Bool)] {
        var found: [String: (id: Int64, disabled: Bool)] = [:]
        let rows = try await client.query("SELECT name, id, disabled FROM hosts WHERE name = ANY(\(names)::varchar[])", logger: logger)
        for try await (name, id, disabled) in rows.decode((String, Int64, Bool).self) {
            found[name] = (id, disabled)
        }
        return found
    }
}
