import ERSFleet
import ERSServerCore
@testable import ERSServerCommands
import Foundation
import Testing

/// `ers-server worker`'s collectors from the environment. Regression: the worker had no
/// collector at all, so it refused to start (and could never collect a report).
@Suite("ers-server worker collectors")
struct WorkerCollectorsTests {
    @Test func sshCollectorNeedsAKnownHostsFile() throws {
        let local = try WorkerCollectors.make(environment: ServerEnvironment([:]))
        #expect(Set(local.collectors.keys) == [.local])

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ers-wc-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let knownHosts = directory.appendingPathComponent("known_hosts").path
        try "[127.0.0.2]:22 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB1o1jIuhvqGX0jm1Ebs9FkmzUvQJEA2oz4Fy0XbGEDr\n".write(toFile: knownHosts, atomically: true, encoding: .utf8)
        let both = try WorkerCollectors.make(environment: ServerEnvironment(["SSH_KNOWN_HOSTS_FILE": knownHosts, "SSH_USER": "collector",
                                                                             "SSH_CONNECT_TIMEOUT_SECONDS": "3", "COLLECT_TIMEOUT_SECONDS": "30"]))
        #expect(Set(both.collectors.keys) == [.local, .ssh])
    }

    @Test func wrongSettingsNameTheirVariable() {
        func problem(_ variables: [String: String]) -> String? {
            do { _ = try WorkerCollectors.make(environment: ServerEnvironment(variables)); return nil } catch { return "\(error)" }
        }
        #expect(problem(["SSH_KNOWN_HOSTS_FILE": "/nonexistent/known_hosts"])?.contains("SSH_KNOWN_HOSTS_FILE") == true)
        #expect(problem(["SSH_KNOWN_HOSTS_FILE": "/dev/null", "SSH_USER": "-oProxyCommand=x"])?.contains("SSH_USER") == true)
        #expect(problem(["COLLECT_TIMEOUT_SECONDS": "0"])?.contains("COLLECT_TIMEOUT_SECONDS") == true)
        #expect(problem(["SSH_CONNECT_TIMEOUT_SECONDS": "9999"])?.contains("SSH_CONNECT_TIMEOUT_SECONDS") == true)
    }

    @Test func keyGivenAsTextBecomesAPrivateFile() throws {
        let collectors = try WorkerCollectors.make(environment: ServerEnvironment(["SSH_KNOWN_HOSTS": "[127.0.0.2]:22 ssh-ed25519 AAAA"]))
        #expect(collectors.collectors[.ssh] != nil)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ers-worker-\(ProcessInfo.processInfo.processIdentifier)/ssh_known_hosts").path
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }
}
