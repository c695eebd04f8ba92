import ERSCollectors
import ERSFleet
public import ERSServerCore

extension CollectorSet {
    /// The collectors `ers-server worker` uses, from its environment (see docs/collectors.md and
    /// docs/ers-server.md):
    ///
    /// | variable | meaning | default |
    /// |---|---|---|
    /// | `SSH_KNOWN_HOSTS_FILE`, `SSH_PRIVATE_KEY_FILE`, `SSH_USER`, `SSH_CONNECT_TIMEOUT_SECONDS`, `WORKER_SSH_CRYPTO`, `WORKER_SSH_CONNECTION_REUSE_SECONDS` | the ssh collector: ``SSHConfiguration/fromEnvironment(_:overallTimeout:)``; without `SSH_KNOWN_HOSTS_FILE` no ssh collector (the worker claims no ssh job; they wait for a worker that has one) | |
    /// | `COLLECT_TIMEOUT_SECONDS` | whole-collection deadline, every transport (1–3600) | `60` |
    /// | `HTTP_AGENT_SCHEME` | `https` or `http` (trusted networks only) | `https` |
    /// | `HTTP_AGENT_CA_FILE` | CA bundle for agents' certificates | system roots |
    /// | `LOCAL_COLLECTOR` | `true`: collect `local` hosts on the worker itself | `false` |
    ///
    /// - Throws: ``ConfigurationError`` naming the variable that is wrong.
    public static func fromEnvironment(_ environment: ServerEnvironment) throws -> CollectorSet {
        let overall = Duration.seconds(try environment.integer("COLLECT_TIMEOUT_SECONDS", default: 60, range: 1...3600))
        var collectors: [Transport: any Collector] = [:]
        if let configuration = try SSHConfiguration.fromEnvironment(environment, overallTimeout: overall) {
            do { collectors[.ssh] = try SSHCollector(configuration: configuration) } catch {
                let variable = configuration.connectionReuse == nil ? "SSH_KNOWN_HOSTS_FILE" : "WORKER_SSH_CONNECTION_REUSE_SECONDS"
                throw ConfigurationError(variable, "\(error)")
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
