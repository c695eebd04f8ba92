public import ERSCollectors
import ERSFleet
public import ERSServerCore

extension SSHConfiguration {
    /// `WORKER_SSH_CRYPTO` values and the ``SSHConfiguration/CryptoProfile`` each selects.
    public static let cryptoProfileNames: [(name: String, profile: CryptoProfile)] = [("fast", .fast), ("openssh-default", .opensshDefault)]

    /// The ssh collector's settings from the worker's environment; nil when
    /// `SSH_KNOWN_HOSTS_FILE` is unset (no ssh collector). `WORKER_SSH_CRYPTO` and
    /// `WORKER_SSH_CONNECTION_REUSE_SECONDS` are checked either way, so a typo never waits for
    /// the day the ssh collector is turned on.
    ///
    /// | variable | meaning | default |
    /// |---|---|---|
    /// | `SSH_KNOWN_HOSTS_FILE` | `UserKnownHostsFile` (`StrictHostKeyChecking=yes`) | none: no ssh collector |
    /// | `SSH_PRIVATE_KEY_FILE` | `IdentityFile` with `IdentitiesOnly=yes` | ssh's defaults |
    /// | `SSH_USER` | login for hosts without `ssh_user` | the worker's user |
    /// | `SSH_CONNECT_TIMEOUT_SECONDS` | `ConnectTimeout` (1–300) | `10` |
    /// | `WORKER_SSH_CRYPTO` | `fast` (curve25519/ECDH key exchange, AES-GCM: no post-quantum key exchange) or `openssh-default` (OpenSSH's own algorithms) | `fast` |
    /// | `WORKER_SSH_CONNECTION_REUSE_SECONDS` | 0: a new connection per collection; N (1–3600): `ControlMaster=auto`, `ControlPersist=N` | `0` |
    ///
    /// - Parameter overallTimeout: the whole collection's deadline (`COLLECT_TIMEOUT_SECONDS`).
    /// - Throws: ``ConfigurationError`` naming the variable, the value and what is allowed.
    public static func fromEnvironment(_ environment: ServerEnvironment, overallTimeout: Duration) throws(ConfigurationError) -> SSHConfiguration? {
        if environment.string("SSH_CONTROL_PERSIST_SECONDS") != nil {
            throw ConfigurationError("SSH_CONTROL_PERSIST_SECONDS",
                                     "was renamed WORKER_SSH_CONNECTION_REUSE_SECONDS (same meaning: 0 off, N seconds of ControlPersist); set that instead")
        }
        let crypto = try cryptoProfile(environment)
        let reuseSeconds = try environment.integer("WORKER_SSH_CONNECTION_REUSE_SECONDS", default: 0, range: 0...3600)
        guard let knownHosts = environment.string("SSH_KNOWN_HOSTS_FILE") else { return nil }
        var user: SSHUser?
        if let text = environment.string("SSH_USER") {
            do { user = try SSHUser(text) } catch { throw ConfigurationError("SSH_USER", "\(error)") }
        }
        return SSHConfiguration(
            knownHostsFile: knownHosts, identityFile: environment.string("SSH_PRIVATE_KEY_FILE"), defaultUser: user,
            connectTimeoutSeconds: try environment.integer("SSH_CONNECT_TIMEOUT_SECONDS", default: 10, range: 1...300),
            overallTimeout: overallTimeout, connectionReuse: reuseSeconds > 0 ? .init(persistSeconds: reuseSeconds) : nil,
            cryptoProfile: crypto)
    }

    /// `WORKER_SSH_CRYPTO`: `fast` (default) or `openssh-default`.
    static func cryptoProfile(_ environment: ServerEnvironment) throws(ConfigurationError) -> CryptoProfile {
        guard let text = environment.string("WORKER_SSH_CRYPTO") else { return .fast }
        guard let match = cryptoProfileNames.first(where: { $0.name == text }) else {
            throw ConfigurationError("WORKER_SSH_CRYPTO", """
                '\(text)' is not an ssh crypto profile; set one of: fast (default; curve25519/ECDH key exchange and AES-GCM, \
                about 8x less client CPU per connection, no post-quantum key exchange), openssh-default (OpenSSH's own \
                algorithms, post-quantum hybrid key exchange included)
                """)
        }
        return match.profile
    }
}
