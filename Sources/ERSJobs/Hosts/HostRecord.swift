public import ERSFleet

/// A row of `hosts` (`sql/0101_create_collection.sql`): a machine ERS collects reports from.
public struct HostRecord: Hashable, Sendable {
    /// Surrogate key, used by the list's keyset cursor.
    public var id: Int64
    /// The unique name (a DNS name or IP address: never begins with `-`).
    public var name: HostAddress
    /// Where to connect (DNS name or IP address).
    public var address: HostAddress
    /// TCP port, 1–65535; for `local` (no port) always `Transport.local.defaultPort`, 0,
    /// whatever the row holds (``HostStore/localPortPlaceholder``).
    public var port: Int
    /// How a worker reaches it.
    public var transport: Transport
    /// The login for `ssh`; nil means the worker's default.
    public var sshUser: SSHUser?
    /// Labels, matched by selectors.
    public var labels: Labels
    /// A disabled host is kept but no longer collected from.
    public var disabled: Bool
    /// When the row was created.
    public var createdAt: DatabaseTimestamp
    /// When it last changed.
    public var updatedAt: DatabaseTimestamp

    /// A host from its fields.
    public init(id: Int64, name: HostAddress, address: HostAddress, port: Int, transport: Transport, sshUser: SSHUser?, labels: Labels,
                disabled: Bool, createdAt: DatabaseTimestamp, updatedAt: DatabaseTimestamp) {
        self.id = id
        self.name = name
        self.address = address
        self.port = port
        self.transport = transport
        self.sshUser = sshUser
        self.labels = labels
        self.disabled = disabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The fields of a new host, already validated by their types.
public struct HostDraft: Hashable, Sendable {
    /// Unique name.
    public var name: HostAddress
    /// Where to connect.
    public var address: HostAddress
    /// TCP port, 1–65535; for `local` it must be 0 (`Transport.local.defaultPort`: no port).
    public var port: Int
    /// How to connect.
    public var transport: Transport
    /// SSH login, if any.
    public var sshUser: SSHUser?
    /// Labels.
    public var labels: Labels

    /// A draft; `port` is checked by ``HostStore/create(_:on:)``.
    public init(name: HostAddress, address: HostAddress, port: Int, transport: Transport, sshUser: SSHUser? = nil, labels: Labels = .empty) {
        self.name = name
        self.address = address
        self.port = port
        self.transport = transport
        self.sshUser = sshUser
        self.labels = labels
    }
}

/// The fields a `PATCH` changes; nil leaves a field as it is.
public struct HostChanges: Hashable, Sendable {
    /// New address.
    public var address: HostAddress?
    /// New port, 1–65535; refused when the host is (or becomes) `local`.
    public var port: Int?
    /// New transport. Without a new port: becoming `local` drops the port; leaving `local`
    /// takes the new transport's default port (22, 443); ssh ↔ http keeps the port.
    public var transport: Transport?
    /// `.some(nil)` removes the SSH user; nil keeps it.
    public var sshUser: SSHUser??
    /// New labels (replacing all of them).
    public var labels: Labels?
    /// `false` enables a disabled host again; `true` disables it.
    public var disabled: Bool?

    /// Changes from parts.
    public init(address: HostAddress? = nil, port: Int? = nil, transport: Transport? = nil, sshUser: SSHUser?? = nil, labels: Labels? = nil,
                disabled: Bool? = nil) {
        self.address = address
        self.port = port
        self.transport = transport
        self.sshUser = sshUser
        self.labels = labels
        self.disabled = disabled
    }

    /// Whether nothing changes.
    public var isEmpty: Bool { address == nil && port == nil && transport == nil && sshUser == nil && labels == nil && disabled == nil }
}
