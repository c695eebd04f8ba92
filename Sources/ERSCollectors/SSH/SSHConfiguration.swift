public import ERSFleet

/// How ``SSHCollector`` runs the OpenSSH client (option names as in ssh_config(5)).
public struct SSHConfiguration: Sendable {
    /// Connection reuse through an OpenSSH master connection (ssh_config(5) `ControlMaster`,
    /// `ControlPath`, `ControlPersist`).
    public struct ConnectionReuse: Sendable, Hashable {
        /// Directory of the control sockets (created 0700 if missing). Keep it short: a Unix
        /// socket path is at most 107 bytes, and each socket is `<directory>/%C` (40 hex digits).
        public var directory: String
        /// Seconds an idle master stays up (`ControlPersist`).
        public var persistSeconds: Int

        /// Defaults: `/tmp/ers-cm-<uid>`, 5 seconds.
        public init(directory: String? = nil, persistSeconds: Int = 5) {
            self.directory = directory ?? "/tmp/ers-cm-\(currentUserID())"
            self.persistSeconds = persistSeconds
        }
    }

    /// Which algorithms ssh negotiates.
    public enum CryptoProfile: String, Sendable, Hashable {
        /// `KexAlgorithms=curve25519-sha256`, `Ciphers=aes128-gcm@openssh.com`, `MACs` (unused
        /// with GCM), `HostKeyAlgorithms` limited to the key types in the known-hosts file. The
        /// OpenSSH 9.x default key exchange (sntrup761x25519-sha512, post-quantum hybrid) costs
        /// about 100 ms of client CPU per connection here; curve25519 about 12 ms (see
        /// docs/benchmarks.md). Hosts need OpenSSH ≥ 6.5 (curve25519) and 6.2 (AES-GCM).
        case fast
        /// OpenSSH's own defaults (for hosts that lack the above, or when post-quantum key
        /// exchange is required).
        case opensshDefault
    }

    /// Path of the ssh client (default `/usr/bin/ssh`).
    public var sshExecutable: String
    /// Known-hosts file every host key is checked against (`UserKnownHostsFile`;
    /// `StrictHostKeyChecking=yes`, `GlobalKnownHostsFile=/dev/null`).
    public var knownHostsFile: String
    /// Private key (`IdentityFile`, with `IdentitiesOnly=yes`); nil: ssh's agent/defaults.
    public var identityFile: String?
    /// Login used when a host has no `ssh_user`; nil: ssh's default (the worker's user).
    public var defaultUser: SSHUser?
    /// ssh_config file (`-F`); default `/dev/null` (no user or system config is read).
    public var configFile: String
    /// `ConnectTimeout`, seconds (TCP connect and SSH banner).
    public var connectTimeoutSeconds: Int
    /// Whole collection deadline; when exceeded ssh's process group gets SIGTERM, then SIGKILL.
    public var overallTimeout: Duration
    /// ControlMaster reuse; nil: a new connection every time.
    public var connectionReuse: ConnectionReuse?
    /// Algorithm choice (default ``CryptoProfile/fast``).
    public var cryptoProfile: CryptoProfile
    /// Most bytes of report output accepted (default 4 MiB).
    public var outputLimit: Int

    public init(knownHostsFile: String, identityFile: String? = nil, defaultUser: SSHUser? = nil,
                sshExecutable: String = "/usr/bin/ssh", configFile: String = "/dev/null",
                connectTimeoutSeconds: Int = 10, overallTimeout: Duration = .seconds(60),
                connectionReuse: ConnectionReuse? = nil, cryptoProfile: CryptoProfile = .fast,
                outputLimit: Int = 4 * 1024 * 1024) {
        self.knownHostsFile = knownHostsFile
        self.identityFile = identityFile
        self.defaultUser = defaultUser
        self.sshExecutable = sshExecutable
        self.configFile = configFile
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.overallTimeout = overallTimeout
        self.connectionReuse = connectionReuse
        self.cryptoProfile = cryptoProfile
        self.outputLimit = outputLimit
    }
}
