import ERSCollectors
import ERSFleet
import ERSServerCore
import ERSWorker
import Foundation

/// The collectors `ers-server worker` uses, built from the environment:
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `SSH_KNOWN_HOSTS_FILE` (or `SSH_KNOWN_HOSTS`, the file's text) | known-hosts file every host key is checked against (`StrictHostKeyChecking=yes`) | none: no SSH collector |
/// | `SSH_PRIVATE_KEY_FILE` (or `SSH_PRIVATE_KEY`, the key's text) | private key (`IdentityFile`, `IdentitiesOnly=yes`) | ssh's defaults |
/// | `SSH_USER` | login for hosts without `ssh_user` | the worker's OS user |
/// | `SSH_CONNECT_TIMEOUT_SECONDS` | `ConnectTimeout` (TCP connect and SSH banner), 1–300 | `10` |
/// | `COLLECT_TIMEOUT_SECONDS` | whole collection deadline of one host (ssh and local), 1–3600 | `60` |
///
/// A secret given as text (`SSH_KNOWN_HOSTS`, `SSH_PRIVATE_KEY`) is written to a 0600 file in a
/// private directory, since ssh(1) reads both from files. Transport `local` always has the
/// local collector; `ssh` has one only with a known-hosts file (jobs of ssh hosts otherwise
/// fail as permanent, naming the missing setting).
enum WorkerCollectors {
    /// - Throws: ``ConfigurationError`` when a setting is wrong (out of range, unreadable
    ///   file, invalid `SSH_USER`).
    static func make(environment: ServerEnvironment) throws -> CollectorSet {
        let timeout = try environment.integer("COLLECT_TIMEOUT_SECONDS", default: 60, range: 1...3600)
        let connectTimeout = try environment.integer("SSH_CONNECT_TIMEOUT_SECONDS", default: 10, range: 1...300)
        var collectors: [Transport: any Collector] = [.local: LocalCollector(overallTimeout: .seconds(timeout))]
        if let knownHosts = try file("SSH_KNOWN_HOSTS", environment: environment) {
            var user: SSHUser?
            if let text = environment.string("SSH_USER") {
                do { user = try SSHUser(text) } catch { throw ConfigurationError("SSH_USER", "\(error)") }
            }
            let configuration = SSHConfiguration(knownHostsFile: knownHosts, identityFile: try file("SSH_PRIVATE_KEY", environment: environment),
                                                 defaultUser: user, connectTimeoutSeconds: connectTimeout, overallTimeout: .seconds(timeout))
            do { collectors[.ssh] = try SSHCollector(configuration: configuration) } catch {
                throw ConfigurationError("SSH_KNOWN_HOSTS_FILE", "\(error)")
            }
        }
        return CollectorSet(collectors)
    }

    /// The path of the file `NAME_FILE` names (checked readable), or of a private file holding
    /// the text of `NAME`; nil when neither is set.
    private static func file(_ name: String, environment: ServerEnvironment) throws -> String? {
        if let path = environment.filePath(name) {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw ConfigurationError(name + "_FILE", "cannot read \(path); mount the file there or fix the path")
            }
            return path
        }
        guard let secret = try environment.secret(name) else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ers-worker-\(ProcessInfo.processInfo.processIdentifier)")
        let path = directory.appendingPathComponent(name.lowercased()).path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: path, contents: Data((secret.value + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            throw ConfigurationError(name, "cannot write it to \(path) for ssh (\(error)); give \(name)_FILE instead")
        }
        return path
    }
}
