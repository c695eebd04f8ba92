public import ERSFleet
public import Logging
public import PostgresNIO

/// The `hosts` table: create, read, list (label selector, keyset pagination by id), update,
/// disable and delete. Each writing method also runs on a caller's connection, so an audit row
/// can be written in the same transaction.
public struct HostStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// The hosts in `client`'s database.
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    static let columns = "id, name, address, port, transport, ssh_user, labels::text, disabled, created_at, updated_at"

    /// What `hosts.port` holds for a `local` host, which has no port: the schema's
    /// `hosts_port_check` requires 1–65535, so the row stores 1 (and rows written before this
    /// rule may hold 22). It is never read back: a local ``HostRecord`` has port 0
    /// (`Transport.local.defaultPort`) and the API shows `"port": null`.
    public static let localPortPlaceholder = 1

    /// The value `hosts.port` stores for `port` on `transport`.
    /// - Throws: ``HostStoreError/invalidPort(_:)``; ``HostStoreError/portNotApplicable(_:)`` for a port on `local`.
    static func storedPort(_ port: Int, transport: Transport, host: String) throws(HostStoreError) -> Int {
        if transport == .local {
            guard port == Transport.local.defaultPort else { throw .portNotApplicable(host) }
            return localPortPlaceholder
        }
        guard (1...65_535).contains(port) else { throw .invalidPort(port) }
        return port
    }

    /// Inserts `draft`.
    /// - Throws: ``HostStoreError/nameTaken(_:)`` when the name exists (`ON CONFLICT (name)`:
    ///   no aborted transaction), ``HostStoreError/invalidPort(_:)``,
    ///   ``HostStoreError/portNotApplicable(_:)`` (a `local` draft's port must be 0), or PostgreSQL errors.
    public func create(_ draft: HostDraft, on connection: PostgresConnection? = nil) async throws -> HostRecord {
        let port = try Self.storedPort(draft.port, transport: draft.transport, host: draft.name.text)
        let query: PostgresQuery = """
            INSERT INTO hosts (name, address, port, transport, ssh_user, labels)
            VALUES (\(draft.name.text), \(draft.address.text), \(port), \(draft.transport.rawValue), \(draft.sshUser?.name), \(draft.labels.jsonText)::jsonb)
            ON CONFLICT (name) DO NOTHING
            RETURNING \(unescaped: Self.columns)
            """
        guard let host = try await first(query, on: connection) else { throw HostStoreError.nameTaken(draft.name.text) }
        return host
    }

    /// The host named `name`, nil when none is.
    /// - Throws: PostgreSQL errors; ``HostStoreError/corruptRow(name:reason:)``.
    public func get(name: String, on connection: PostgresConnection? = nil) async throws -> HostRecord? {
        try await first("SELECT \(unescaped: Self.columns) FROM hosts WHERE name = \(name)", on: connection)
    }

    /// Up to `limit` hosts with an id above `after` whose labels match `selector`, by id; the
    /// page's `nextCursor` is set when more may follow (one extra row is read to know).
    /// - Parameter enabledOnly: leave out disabled hosts.
    /// - Throws: PostgreSQL errors; ``HostStoreError/corruptRow(name:reason:)``.
    public func list(selector: LabelSelector, limit: Int, after: Int64? = nil, enabledOnly: Bool = false) async throws -> HostPage {
        var builder = QueryBuilder("SELECT \(Self.columns) FROM hosts h WHERE id > ")
        builder.append(try builder.bind(after ?? 0))
        if enabledOnly { builder.append(" AND NOT disabled") }
        builder.append(" AND (")
        builder.append(selector: selector, alias: "h")
        builder.append(") ORDER BY id LIMIT ")
        builder.append(try builder.bind(limit + 1))
        var hosts = try await all(builder.query, on: nil)
        var next: PageCursor?
        if hosts.count > limit {
            hosts.removeLast(hosts.count - limit)
            next = hosts.last.map { PageCursor(kind: HostPage.cursorKind, fields: [String($0.id)]) }
        }
        return HostPage(hosts: hosts, nextCursor: next)
    }

    /// Applies `changes` to the host named `name` (and sets `updated_at`). A port or transport
    /// change reads the row's transport first (`FOR UPDATE` when `connection` is a transaction's)
    /// for the `local` rules of ``HostChanges/transport``.
    /// - Throws: ``HostStoreError/notFound(_:)``, ``HostStoreError/invalidPort(_:)``,
    ///   ``HostStoreError/portNotApplicable(_:)``, PostgreSQL errors.
    public func update(name: String, changes: HostChanges, on connection: PostgresConnection? = nil) async throws -> HostRecord {
        var port: Int?
        if changes.port != nil || changes.transport != nil {
            let current = try await currentTransport(name: name, on: connection)
            let transport = changes.transport ?? current
            if let given = changes.port {
                port = try Self.storedPort(given, transport: transport, host: name)
            } else if transport != current && (transport == .local || current == .local) {
                port = transport == .local ? Self.localPortPlaceholder : transport.defaultPort
            }
        }
        var builder = QueryBuilder("UPDATE hosts SET updated_at = now()")
        if let address = changes.address { builder.append(", address = \(try builder.bind(address.text))") }
        if let port { builder.append(", port = \(try builder.bind(port))") }
        if let transport = changes.transport { builder.append(", transport = \(try builder.bind(transport.rawValue))") }
        if let sshUser = changes.sshUser { builder.append(", ssh_user = \(try builder.bind(sshUser?.name))") }
        if let labels = changes.labels { builder.append(", labels = \(try builder.bind(labels.jsonText))::jsonb") }
        if let disabled = changes.disabled { builder.append(", disabled = \(try builder.bind(disabled))") }
        builder.append(" WHERE name = \(try builder.bind(name)) RETURNING \(Self.columns)")
        guard let host = try await first(builder.query, on: connection) else { throw HostStoreError.notFound(name) }
        return host
    }

    /// Marks the host named `name` disabled (idempotent).
    /// - Throws: ``HostStoreError/notFound(_:)``, PostgreSQL errors.
    public func disable(name: String, on connection: PostgresConnection? = nil) async throws -> HostRecord {
        let query: PostgresQuery = "UPDATE hosts SET disabled = true, updated_at = now() WHERE name = \(name) RETURNING \(unescaped: Self.columns)"
        guard let host = try await first(query, on: connection) else { throw HostStoreError.notFound(name) }
        return host
    }

    /// Deletes the host named `name`; its jobs keep their `hostname` (`host_id` becomes NULL).
    /// - Throws: ``HostStoreError/notFound(_:)``, PostgreSQL errors.
    public func delete(name: String, on connection: PostgresConnection? = nil) async throws -> HostRecord {
        let query: PostgresQuery = "DELETE FROM hosts WHERE name = \(name) RETURNING \(unescaped: Self.columns)"
        guard let host = try await first(query, on: connection) else { throw HostStoreError.notFound(name) }
        return host
    }
}
