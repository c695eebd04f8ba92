import Foundation
import Testing
@testable import ERSCollectors
import ERSFleet

@Suite("SSH collector against the loopback fleet")
struct SSHCollectorTests {
    static func collector(_ fleet: TestFleet, timeout: Duration = .seconds(30), connectTimeout: Int = 10,
                          knownHosts: String? = nil, reuse: SSHConfiguration.ConnectionReuse? = nil) throws -> SSHCollector {
        try SSHCollector(configuration: SSHConfiguration(
            knownHostsFile: knownHosts ?? fleet.knownHosts, identityFile: fleet.identity, defaultUser: try SSHUser(fleet.user),
            connectTimeoutSeconds: connectTimeout, overallTimeout: timeout, connectionReuse: reuse))
    }

    static func target(_ address: String, _ port: Int) throws -> CollectionTarget {
        let host = try HostAddress(address)
        return CollectionTarget(name: host, address: host, port: port, transport: .ssh)
    }

    @Test func collectsAndParsesEveryHost() async throws {
        guard let fleet = await TestFleet.shared() else { return }
        let collector = try Self.collector(fleet)
        #expect(fleet.hosts.count >= 10)
        let targets = try fleet.hosts.map { try Self.target($0.address, $0.port) }
        let outcomes = await BoundedConcurrency.map(targets, limit: 8) { await collector.collect($0, reportType: "system") }
        for (target, outcome) in zip(targets, outcomes) {
            guard case .collected(let report) = outcome else { Issue.record("\(target.address): \(outcome)"); continue }
            let data = try JSONDecoder().decode(JSONValue.self, from: Data(report.json.utf8))
            #expect(data["schema"] == .int(1))
            #expect(data["complete"] == .bool(true))
            let sections = try #require(data["sections"])
            for name in ["identity", "os", "kernel", "cpu", "memory", "uptime", "filesystems", "network", "ports", "packages"] {
                #expect(sections[name]?["status"] == .string("ok"), "\(target.address) \(name): \(String(describing: sections[name]))")
            }
            if case .int(let total)? = sections["memory"]?["totalBytes"] { #expect(total > 0) } else { Issue.record("no memory total") }
            if case .array(let ports)? = sections["ports"]?["ports"] {
                #expect(ports.contains { $0["port"] == .int(Int64(target.port)) }, "sshd's own port is listening")
            } else { Issue.record("no ports") }
        }
    }

    @Test func tarpitFailsAtTheTimeoutAsTransientAndLeavesNoSSH() async throws {
        guard let fleet = await TestFleet.shared(), let tarpit = fleet.tarpits.first else { return }
        // ConnectTimeout covers TCP and the banner; the overall timeout is shorter here, so it is the one that fires.
        let collector = try Self.collector(fleet, timeout: .seconds(2), connectTimeout: 30)
        let started = ContinuousClock.now
        let outcome = await collector.collect(try Self.target(tarpit.address, tarpit.port), reportType: "system")
        let elapsed = ContinuousClock.now - started
        guard case .failed(let failure) = outcome else { Issue.record("tarpit gave a report"); return }
        #expect(failure.kind == .transient)
        #expect(failure.message.contains("overall timeout"))
        #expect(elapsed >= .seconds(2))
        #expect(elapsed < .seconds(25), "gave up near the 2 s timeout, not at ConnectTimeout")
        let left = await Processes.waitUntilGone("-- \(tarpit.address) sh -s")
        #expect(left.isEmpty, "ssh processes left: \(left)")
    }

    @Test func tarpitHitsConnectTimeoutAsTransient() async throws {
        guard let fleet = await TestFleet.shared(), fleet.tarpits.count > 1 else { return }
        let tarpit = fleet.tarpits[1]
        let collector = try Self.collector(fleet, timeout: .seconds(60), connectTimeout: 1)
        let outcome = await collector.collect(try Self.target(tarpit.address, tarpit.port), reportType: "system")
        guard case .failed(let failure) = outcome else { Issue.record("tarpit gave a report"); return }
        #expect(failure.kind == .transient)
        #expect(failure.message.contains("timed out"), "\(failure)")
        #expect(!failure.message.contains("overall timeout"), "ssh's ConnectTimeout (banner exchange) fired, not ours")
    }

    @Test func refusedHostIsTransient() async throws {
        guard let fleet = await TestFleet.shared() else { return }
        let outcome = await (try Self.collector(fleet)).collect(try Self.target(fleet.refused.address, fleet.refused.port), reportType: "system")
        guard case .failed(let failure) = outcome else { Issue.record("refused host gave a report"); return }
        #expect(failure.kind == .transient)
        #expect(failure.message.contains("connection refused"), "\(failure)")
    }

    @Test func changedHostKeyIsPermanent() async throws {
        guard let fleet = await TestFleet.shared() else { return }
        let host = fleet.hosts[0]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ers-kh-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(await TestFleet.shell("ssh-keygen -q -t ed25519 -N '' -f '\(directory)/other' >/dev/null") == 0)
        let otherKey = try String(contentsOfFile: "\(directory)/other.pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        try "[\(host.address)]:\(host.port) \(otherKey)\n".write(toFile: "\(directory)/known_hosts", atomically: true, encoding: .utf8)
        let outcome = await (try Self.collector(fleet, knownHosts: "\(directory)/known_hosts")).collect(try Self.target(host.address, host.port), reportType: "system")
        guard case .failed(let failure) = outcome else { Issue.record("a changed key gave a report"); return }
        #expect(failure.kind == .permanent)
        #expect(failure.message.contains("host key changed"), "\(failure)")
    }

    @Test func connectionReuseCollectsTwice() async throws {
        guard let fleet = await TestFleet.shared() else { return }
        let directory = "/tmp/ers-cm-test-\(getpid())"
        let collector = try Self.collector(fleet, reuse: .init(directory: directory, persistSeconds: 2))
        let target = try Self.target(fleet.hosts[1].address, fleet.hosts[1].port)
        for _ in 0..<2 {
            let outcome = await collector.collect(target, reportType: "system")
            guard case .collected = outcome else { Issue.record("\(outcome)"); return }
        }
        #expect(collector.arguments(host: "h", port: 22, user: nil).contains("ControlPath=\(directory)/%C"))
    }
}
