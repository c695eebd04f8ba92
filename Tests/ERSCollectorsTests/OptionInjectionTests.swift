import Foundation
import Testing
@testable import ERSCollectors
import ERSFleet

@Suite("A host text that looks like an option never reaches ssh as one")
struct OptionInjectionTests {
    @Test func hostAddressRefusesIt() {
        #expect(throws: HostAddressError.self) { try HostAddress("-oProxyCommand=touch /tmp/owned") }
    }

    @Test func argvPutsItAfterDoubleDashAndSSHNeverRunsIt() async throws {
        guard let fleet = await TestFleet.shared() else { return }
        let marker = "/tmp/owned-\(UUID().uuidString)"
        let raw = "-oProxyCommand=touch \(marker)"
        let collector = try SSHCollectorTests.collector(fleet)
        let arguments = collector.arguments(host: raw, port: 22, user: fleet.user)
        let dashes = try #require(arguments.firstIndex(of: "--"))
        #expect(arguments.firstIndex(of: raw) == dashes + 1)
        #expect(!arguments[..<dashes].contains { $0.contains("ProxyCommand") })
        // The collector's own guard refuses it before ssh runs…
        let refused = await collector.collect(host: raw, port: 22, user: nil, reportType: "system")
        guard case .failed(let failure) = refused else { Issue.record("collected from an option"); return }
        #expect(failure.kind == .permanent)
        // …and even run straight through ssh with the built argv, ssh takes it as a host name.
        let result = try await ProcessRunner().run(executable: "/usr/bin/ssh", arguments: arguments, input: "", timeout: .seconds(30))
        #expect(result.exitCode == 255)
        try await Task.sleep(for: .milliseconds(300))
        #expect(!FileManager.default.fileExists(atPath: marker), "ssh ran the ProxyCommand")
    }
}
