import ERSFleet
import PostgresNIO

extension HostStore {
    typealias Row = (Int64, String, String, Int, String, String?, String, Bool, DatabaseTimestamp, DatabaseTimestamp)

    /// The first host `query` returns, on `connection` or a pooled one.
    func first(_ query: PostgresQuery, on connection: PostgresConnection?) async throws -> HostRecord? {
        try await all(query, on: connection).first
    }

    /// Every host `query` returns.
    func all(_ query: PostgresQuery, on connection: PostgresConnection?) async throws -> [HostRecord] {
        let rows = if let connection {
            try await connection.query(query, logger: logger)
        } else {
            try await client.query(query, logger: logger)
        }
        var hosts: [HostRecord] = []
        for try await row in rows.decode(Row.self) {
            hosts.append(try Self.host(row))
        }
        return hosts
    }

    /// A ``HostRecord`` from a row, every field re-validated (the table's CHECK constraints are
    /// looser than the fleet types).
    static func host(_ row: Row) throws -> HostRecord {
        let (id, name, address, port, transport, sshUser, labels, disabled, created, updated) = row
        do {
            guard let kind = Transport(rawValue: transport) else {
                throw HostStoreError.corruptRow(name: name, reason: "unknown transport \(transport)")
            }
            // A local host has no port; the row holds a placeholder for the CHECK (see HostStore.localPortPlaceholder).
            return HostRecord(id: id, name: try HostAddress(name), address: try HostAddress(address),
                              port: kind == .local ? Transport.local.defaultPort : port, transport: kind,
                        sshUser: try sshUser.map { name throws(HostAddressError) in try SSHUser(name) },
                        labels: try Labels.fromJSON(labels, host: name), disabled: disabled, createdAt: created, updatedAt: updated)
        } catch let error as HostAddressError {
            throw HostStoreError.corruptRow(name: name, reason: error.description)
        }
    }
}
