import ERSModel
import Foundation
import Testing

@testable import ERSRollout

extension LiveRollouts {
    /// The executor killed with SIGKILL during a pause: the state file still tells where the
    /// release stands, `resume` continues it, `abort` restores 100% stable, and `start` refuses a
    /// second release meanwhile. Everything through the real `ersctl` binary.
    @Suite(.serialized)
    struct LiveExecutorKillTests {
        @Test func statusAbortAndResumeWorkAfterSIGKILL() async throws {
            let binary = try #require(ERSCtlBinary.located, "ersctl is not built: run `swift build --product ersctl` (swift test builds it)")
            let host = try await LiveHost { host in
                RolloutStrategy(
                    strategy: .canary, canary: CanaryStrategy(steps: [.weight(20), .pause(seconds: nil), .weight(100)], scaleDownDelaySeconds: 1),
                    analysis: RolloutAnalysis(windowSeconds: 3, minimumRequests: 10, errorRate: ErrorRateLimit(maxPercent: 50)),
                    testRouting: TestRouting(cookie: TestRouteMatch(name: "ers_canary", value: "always")), host: host)
            }
            defer { host.cleanUp() }
            let state = ["--state-dir", host.state.url.path]
            let logs = host.directory.appendingPathComponent("logs")
            let wrk = try Wrk(binary: try #require(LiveRequirements.wrk), url: host.apiURL, directory: host.directory, connections: 8)

            // 1. start, wait for the pause (until promoted), SIGKILL.
            let start = try binary.start(
                ["rollout", "start", "collection", "--to", "2.0.0", host.specFile.path] + state
                    + ["--nginx-prefix", host.directory.path, "--gateway-url", host.gatewayURL], output: logs.appendingPathComponent("start.out"))
            try await LiveReleaseTests.waitFor(host, phase: .paused, version: "2.0.0")
            await start.kill9()
            let killed = try #require(try host.state.record(of: "collection"))
            #expect(killed.phase == .paused && killed.weight == 20 && killed.testRouting)

            // 2. status reports the step; the executor is gone; traffic stays as it was.
            let status = try await binary.run(["rollout", "status", "collection"] + state, output: logs.appendingPathComponent("status.out"))
            #expect(status.status == 0)
            #expect(status.output.contains("collection: canary 1.0.0 -> 2.0.0: paused"), "\(status.output)")
            #expect(status.output.contains("step 3 of 5: pause until promoted"), "\(status.output)")
            #expect(status.output.contains("executor: not running"), "\(status.output)")
            #expect(try host.version(header: ("Cookie", "ers_canary=always")).version == "2.0.0")

            // 3. a second release is refused while this one is in progress.
            let refused = try await binary.run(
                ["rollout", "start", "collection", "--to", "3.0.0", host.specFile.path] + state, output: logs.appendingPathComponent("refused.out"))
            #expect(refused.status == 6, "\(refused.output)")
            #expect(refused.output.contains("a release of 'collection' is in progress"), "\(refused.output)")

            // 4. resume continues (back in the pause), promote from another ersctl, it completes.
            let resume = try binary.start(["rollout", "resume", "collection"] + state, output: logs.appendingPathComponent("resume.out"))
            try await Self.waitForExecutor(host, pid: resume.process.pid)
            let promote = try await binary.run(["rollout", "promote", "collection"] + state, output: logs.appendingPathComponent("promote.out"))
            #expect(promote.status == 0, "\(promote.output)")
            let resumed = try await resume.finish()
            #expect(resumed.status == 0, "\(resumed.output)")
            let completed = try #require(try host.state.record(of: "collection"))
            #expect(completed.phase == .completed, "\(completed.message ?? "")")
            #expect(try host.version().version == "2.0.0")

            // 5. the next release (2.0.0 in green -> 3.0.0 in blue), killed in its pause, aborted offline.
            let second = try binary.start(
                ["rollout", "start", "collection", "--to", "3.0.0", host.specFile.path] + state, output: logs.appendingPathComponent("start2.out"))
            try await LiveReleaseTests.waitFor(host, phase: .paused, version: "3.0.0")
            await second.kill9()
            let abort = try await binary.run(["rollout", "abort", "collection"] + state, output: logs.appendingPathComponent("abort.out"))
            #expect(abort.status == 0, "\(abort.output)")
            let aborted = try #require(try host.state.record(of: "collection"))
            #expect(aborted.phase == .aborted && aborted.weight == 0 && !aborted.testRouting)
            let versions = try (0..<100).map { _ in try host.version().version }
            #expect(versions.allSatisfy { $0 == "2.0.0" }, "\(Set(versions.map { $0 ?? "-" }))")
            #expect(try host.version(header: ("Cookie", "ers_canary=always")).version == "2.0.0")

            // 6. a third release, killed in its pause, superseded by a fourth, promoted fully.
            let third = try binary.start(
                ["rollout", "start", "collection", "--to", "4.0.0", host.specFile.path] + state, output: logs.appendingPathComponent("start3.out"))
            try await LiveReleaseTests.waitFor(host, phase: .paused, version: "4.0.0")
            await third.kill9()
            let superseding = try binary.start(
                ["rollout", "start", "collection", "--to", "4.0.1", "--supersede", host.specFile.path] + state,
                output: logs.appendingPathComponent("start4.out"))
            try await Self.waitForExecutor(host, pid: superseding.process.pid)
            let superseded = try #require(try host.state.record(of: "collection"))
            #expect(superseded.toVersion == "4.0.1" && superseded.fromVersion == "2.0.0")
            let full = try await binary.run(["rollout", "promote", "collection", "--full"] + state, output: logs.appendingPathComponent("promote-full.out"))
            #expect(full.status == 0, "\(full.output)")
            let fourth = try await superseding.finish()
            #expect(fourth.status == 0, "\(fourth.output)")
            #expect(fourth.output.contains("superseding the release of 4.0.0"), "\(fourth.output)")
            #expect(fourth.output.contains("fully promoted"), "\(fourth.output)")
            #expect(try host.state.record(of: "collection")?.phase == .completed)
            #expect(try host.version().version == "4.0.1")

            let summary = try await wrk.stop()
            print("kill test under wrk: \(summary)")
            #expect(summary.status == 0)
        }

        /// Waits until the record names `pid` as its executor and is paused again.
        static func waitForExecutor(_ host: LiveHost, pid: Int32) async throws {
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                if let record = try? host.state.record(of: "collection"), record.executorPID == pid, record.phase == .paused { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("resume did not reach the pause")
            throw LiveRequirements.Unavailable(description: "timeout")
        }
    }
}
