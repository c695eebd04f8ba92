import ERSModel
import Foundation
import Testing

@testable import ERSRollout

extension LiveRollouts {
    /// How many keep-alive client connections each reload breaks with nginx 1.22 (no
    /// `keepalive_min_timeout`): wrk with 50 keep-alive connections for a few seconds without
    /// reloads, with ten reloads, and with ten reloads and `Connection: close`. The figures are
    /// printed (docs/rollouts.md reports them); the test holds that no reload ever turns into a
    /// non-2xx answer.
    @Suite(.serialized)
    struct LiveKeepAliveTests {
        @Test func connectionResetsPerReload() async throws {
            let host = try await LiveHost { host in
                RolloutStrategy(strategy: .canary, canary: CanaryStrategy(steps: [.weight(50)]), host: host)
            }
            defer { host.cleanUp() }
            guard let service = host.spec.service(named: "collection"), let hostSettings = service.rollout?.host else { return }
            let runtime = SlotRuntime(spec: host.spec, service: service, host: hostSettings, state: host.state)
            try await runtime.run(stopping: false, slot: .green, version: "1.0.1")
            try await runtime.waitHealthy(.green, version: "1.0.1")
            let gateway = HostGateway(settings: host.settings)
            let wrkBinary = try #require(LiveRequirements.wrk)
            let reloads = 10

            func measure(reloading: Bool, header: String?) async throws -> Wrk.Summary {
                let wrk = try Wrk(binary: wrkBinary, url: host.apiURL, directory: host.directory, connections: 50, maxSeconds: 60, extraHeader: header)
                try await Task.sleep(for: .milliseconds(500))
                if reloading {
                    for index in 0..<reloads {
                        let traffic = ["collection": ServiceTraffic(stableSlot: .blue, stableVersion: "1.0.0", newWeight: index % 2 == 0 ? 10 : 20)]
                        try await gateway.apply(try gateway.render(host.spec, traffic: traffic))
                        try await Task.sleep(for: .milliseconds(300))
                    }
                } else {
                    try await Task.sleep(for: .seconds(5))
                }
                return try await wrk.stop()
            }

            let baseline = try await measure(reloading: false, header: nil)
            let keepAlive = try await measure(reloading: true, header: nil)
            let closing = try await measure(reloading: true, header: "Connection: close")
            let report = """
                keep-alive resets (nginx \(Self.nginxVersion()), 2 workers, wrk -c 50):
                  no reload:                         \(baseline)
                  \(reloads) reloads, keep-alive:            \(keepAlive) -> \(String(format: "%.1f", Double(keepAlive.socketErrors) / Double(reloads))) broken connections per reload
                  \(reloads) reloads, Connection: close:     \(closing)
                """
            print(report)
            if let path = ProcessInfo.processInfo.environment["ERS_KEEPALIVE_REPORT"] {
                try report.write(toFile: path, atomically: true, encoding: .utf8)
            }
            #expect(baseline.status == 0 && keepAlive.status == 0 && closing.status == 0, "a reload turned into an error answer")
            #expect(baseline.socketErrors == 0, "connections broke without any reload: \(baseline)")
        }

        static func nginxVersion() -> String {
            guard let binary = LiveRequirements.nginx else { return "?" }
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("nginx-version-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: output) }
            guard let child = try? ChildProcess([binary, "-v"], outputPath: output.path) else { return "?" }
            for _ in 0..<200 where child.isRunning { usleep(10_000) }
            let version = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            return version.split(separator: "/").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "?"
        }
    }
}
