public import ERSCollectors
import ERSFleet
public import ERSServerCore

extension CollectorSet {
    /// The collectors `ers-server worker` uses, from its environment (see docs/collectors.md):
    ///
    /// | variable | meaning | default |
    /// |---|---|---|
    /// | `SSH_KNOWN_HOSTS_FILE` | known-hosts file every host key is checked against; unset: no ssh collector (ssh jobs fail, permanent, saying so) | none |
    /// | `SSH_PRIVATE_KEY_FILE` | private key (`IdentityFile`, `IdentitiesOnly=yes`) | ssh's defaults |
    /// | `SSH_USER` | login for hosts without `ssh_user` | the worker's user |
    /// | `SSH_CONNECT_TIMEOUT_SECONDS` | `ConnectTimeout` (1–300) | `10` |
    /// | `SSH_CONTROL_PERSIST_SECONDS` | reuse connections (`ControlPersist`); 0: off (0–600) | `0` |
    /// | `COLLECT_TIMEOUT_SECONDS` | whole-collection deadline, every transport (1–3600) | `60` |
    /// | `HTTP_AGENT_SCHEME` | `https` or `http` (trusted networks only) | `https` |
    /// | `HTTP_AGENT_CA_FILE` | CA bundle for agents' certificates | system roots |
    /// | `LOCAL_COLLECTOR` | `true`: collect `local` hosts on the worker itself | `false` |
    ///
    /// - Throws: ``ConfigurationError`` naming the variable that is wrong.
    public static func fromEnvironment(_ environment: ServerEnvironment) throws -> CollectorSet {
        let overall = Duration.seconds(try environment.integer("COLLECT_TIMEOUT_SECONDS", default: 60, range: 1...3600))
        var collectors: [Transport: any Collector] = [:]
        if let knownHosts = environment.string("SSH_KNOWN_HOSTS_FILE") {
            var user: SSHUser?
            if let text = environment.string("SSH_USER") {
                do { user = try SSHUser(text) } catch { throw ConfigurationError("SSH_USER", "\(error)") }
            }
            let persist = try environment.integer("SSH_CONTROL_PERSIST_SECONDS", default: 0, range: 0...600)
            let configuration = SSHConfiguration(
                knownHostsFile: knownHosts, identityFile: environment.string("SSH_PRIVATE_KEY_FILE"), defaultUser: user,
                connectTimeoutSeconds: try environment.integer("SSH_CONNECT_TIMEOUT_SECONDS", default: 10, range: 1...300),
                overallTimeout: overall, connectionReuse: persist > 0 ? .init(persistSeconds: persist) : nil)
            do { collectors[.ssh] = try SSHCollector(configuration: configuration) } catch {
                throw ConfigurationError("SSH_KNOWN_HOSTS_FILE", "\(error)")
            }
        }
        let scheme = environment.string("HTTP_AGENT_SCHEME") ?? "https"
        guard scheme == "https" || scheme == "http" else { throw ConfigurationError("HTTP_AGENT_SCHEME", "'\(scheme)' is not https or http") }
        do {
            collectors[.http] = try HTTPCollector(configuration: HTTPConfiguration(
                scheme: scheme, caFile: environment.string("HTTP_AGENT_CA_FILE"), overallTimeout: overall))
        } catch {
            throw ConfigurationError("HTTP_AGENT_CA_FILE", "\(error)")
        }
        if environment.string("LOCAL_COLLECTOR")?.lowercased() == "true" {
            collectors[.local] = LocalCollector(overallTimeout: overall)
        }
        return CollectorSet(collectors)
    }

    /// Releases what the collectors hold (the HTTP client's connections).
    public func shutdown() async {
        if let http = collectors[.http] as? HTTPCollector { try? await http.shutdown() }
    }
}
