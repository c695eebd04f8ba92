@testable import ERSCollectors
import ERSFleet
import ERSServerCore
import ERSWorker
import Foundation
import Testing

@Suite("WORKER_SSH_CRYPTO and WORKER_SSH_CONNECTION_REUSE_SECONDS")
struct SSHSettingsTests {
    static func configuration(_ variables: [String: String]) throws(ConfigurationError) -> SSHConfiguration? {
        try SSHConfiguration.fromEnvironment(ServerEnvironment(variables), overallTimeout: .seconds(60))
    }

    static func failure(_ variables: [String: String]) -> ConfigurationError? {
        do { _ = try configuration(variables); return nil } catch { return error }
    }

    @Test("defaults: fast crypto, no connection reuse; the variables map to cryptoProfile and connectionReuse")
    func mapping() throws {
        let known = ["SSH_KNOWN_HOSTS_FILE": "/dev/null"]
        let defaults = try #require(try Self.configuration(known))
        #expect(defaults.cryptoProfile == .fast)
        #expect(defaults.connectionReuse == nil)
        let chosen = try #require(try Self.configuration(known.merging(["WORKER_SSH_CRYPTO": "openssh-default",
                                                                        "WORKER_SSH_CONNECTION_REUSE_SECONDS": "30"]) { $1 }))
        #expect(chosen.cryptoProfile == .opensshDefault)
        #expect(chosen.connectionReuse?.persistSeconds == 30)
        #expect(try Self.configuration(known.merging(["WORKER_SSH_CRYPTO": "fast", "WORKER_SSH_CONNECTION_REUSE_SECONDS": "0"]) { $1 })?.connectionReuse == nil)
        #expect(try Self.configuration(["WORKER_SSH_CRYPTO": "openssh-default"]) == nil, "no known-hosts file: no ssh collector")
    }

    @Test("wrong values are refused naming the variable, the value and what is allowed, even without an ssh collector")
    func errors() throws {
        let crypto = try #require(Self.failure(["WORKER_SSH_CRYPTO": "paranoid"]))
        #expect(crypto.description.contains("WORKER_SSH_CRYPTO") && crypto.description.contains("'paranoid'"))
        #expect(crypto.description.contains("fast") && crypto.description.contains("openssh-default"))
        #expect(Self.failure(["WORKER_SSH_CRYPTO": "FAST", "SSH_KNOWN_HOSTS_FILE": "/dev/null"]) != nil, "values are exact, lower-case")
        for bad in ["-1", "3601", "ten", "1.5"] {
            let reuse = try #require(Self.failure(["WORKER_SSH_CONNECTION_REUSE_SECONDS": bad]), "\(bad)")
            #expect(reuse.description.contains("WORKER_SSH_CONNECTION_REUSE_SECONDS") && reuse.description.contains("3600"), "\(reuse)")
        }
        let renamed = try #require(Self.failure(["SSH_CONTROL_PERSIST_SECONDS": "30", "SSH_KNOWN_HOSTS_FILE": "/dev/null"]))
        #expect(renamed.description.contains("WORKER_SSH_CONNECTION_REUSE_SECONDS"))
        #expect(throws: ConfigurationError.self) { try CollectorSet.fromEnvironment(ServerEnvironment(["WORKER_SSH_CRYPTO": "x"])) }
    }

    @Test("against real sshd: openssh-default crypto collects (no algorithm options passed) and reuse leaves one master per host")
    func realSSHD() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"), let up = FleetTests.fleetScript("fleet-up.sh"),
              let down = FleetTests.fleetScript("fleet-down.sh")
        else {
            Issue.record("sshd or fleet-up.sh missing — not run", severity: ProcessInfo.processInfo.environment["CI"] != nil ? .error : .warning)
            return
        }
        let directory = FleetTests.directory + "-ssh-settings"
        defer { _ = system("'\(down)' '\(directory)' >/dev/null 2>&1") }
        try await FleetTests.startFleet(up: up, down: down, directory: directory, environment: "FLEET_PORT=2624", count: 2)
        let hosts = FleetTests.lines("hosts.txt", in: directory)
        try #require(hosts.count == 2)
        let user = ProcessInfo.processInfo.environment["USER"] ?? "root"
        let base = ["SSH_KNOWN_HOSTS_FILE": "\(directory)/known_hosts", "SSH_PRIVATE_KEY_FILE": "\(directory)/id_ed25519", "SSH_USER": user,
                    "SSH_CONNECT_TIMEOUT_SECONDS": "10"]
        // What CollectorSet.fromEnvironment builds the ssh collector from (without its HTTP client to shut down).
        let chosen = try #require(try Self.configuration(base.merging(["WORKER_SSH_CRYPTO": "openssh-default",
                                                                        "WORKER_SSH_CONNECTION_REUSE_SECONDS": "60"]) { $1 }))
        let ssh = try SSHCollector(configuration: chosen)
        let arguments = ssh.arguments(host: hosts[0].0, port: hosts[0].1, user: user)
        #expect(!arguments.contains { $0.hasPrefix("KexAlgorithms=") || $0.hasPrefix("Ciphers=") }, "openssh-default passes no algorithm options")
        #expect(arguments.contains("ControlPersist=60") && arguments.contains("ControlMaster=auto"))
        let fast = try SSHCollector(configuration: try #require(try Self.configuration(base)))
        #expect(fast.arguments(host: hosts[0].0, port: hosts[0].1, user: user).contains { $0.hasPrefix("KexAlgorithms=") })

        let controlDirectory = try #require(ssh.configuration.connectionReuse?.directory)
        let socketsBefore = Set((try? FileManager.default.contentsOfDirectory(atPath: controlDirectory)) ?? [])
        for (index, host) in hosts.enumerated() {
            let target = CollectionTarget(name: try HostAddress("settings-\(index)"), address: try HostAddress(host.0), port: host.1, transport: .ssh)
            for round in 0..<2 {
                let outcome = await ssh.collect(target, reportType: "system")
                guard case .collected = outcome else { Issue.record("\(host) round \(round): \(outcome)"); continue }
            }
        }
        let socketsAfter = Set((try? FileManager.default.contentsOfDirectory(atPath: controlDirectory)) ?? [])
        #expect(socketsAfter.subtracting(socketsBefore).count == 2, "one master (control socket) per host, reused by the second collection")
        for socket in socketsAfter.subtracting(socketsBefore) {
            _ = try? await ProcessRunner().run(executable: "/usr/bin/ssh", arguments: ["-o", "ControlPath=\(controlDirectory)/\(socket)", "-O", "exit", "x"],
                                               input: "", timeout: .seconds(10))
        }
    }
}
