import PostgresNIO

extension HostStore {
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
