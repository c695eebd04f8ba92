import ERSModel
import Foundation
import Testing

@testable import ERSRollout

extension LiveRollouts {
    /// Releases carried out for real: Debian's nginx on loopback in front of two versions of the
    /// test HTTP server, under wrk for the whole release, the executor driving reloads and gates.
    @Suite(.serialized)
    struct LiveReleaseTests {
        static let analysis = RolloutAnalysis(windowSeconds: 2, minimumRequests: 50, errorRate: ErrorRateLimit(maxPercent: 5))

        /// Canary 10 → 25 → 50 → 100 under load: no non-2xx answer, and each step's measured split
        /// (requests served with that step's config generation, from the access log) within 2
        /// points of its weight.
        @Test func canaryShiftsWeightStepByStepWithoutErrors() async throws {
            let host = try await LiveHost { host in
                RolloutStrategy(
                    strategy: .canary,
                    canary: CanaryStrategy(steps: [.weight(10), .weight(25), .weight(50), .weight(100)], scaleDownDelaySeconds: 1),
                    analysis: Self.analysis, testRouting: TestRouting(header: TestRouteMatch(name: "X-ERS-Canary", value: "always")), host: host)
            }
            defer { host.cleanUp() }
            let wrk = try Wrk(binary: try #require(LiveRequirements.wrk), url: host.apiURL, directory: host.directory)
            try await Task.sleep(for: .milliseconds(500))
            let record = try await HostRollouts(state: host.state, report: { print($0) })
                .start(spec: host.spec, service: "collection", version: "2.0.0", settings: host.settings, supersede: false)
            let summary = try await wrk.stop()
            print("canary under wrk: \(summary)")
            #expect(record.phase == .completed, "\(record.message ?? "")")
            #expect(summary.status == 0, "non-2xx answers during the canary: \(summary)")
            #expect(summary.requests > 1000)
            let splits = try Self.splits(host, record, newAddress: host.address(.green))
            #expect(splits.map(\.weight) == [10, 25, 50, 100])
            for split in splits {
                print("setWeight \(split.weight): measured \(String(format: "%.2f", split.measured))% of \(split.total) requests")
                #expect(split.total >= 200, "too few requests at setWeight \(split.weight) to measure")
                #expect(abs(split.measured - Double(split.weight)) <= 2, "setWeight \(split.weight) measured \(split.measured)%")
            }
            // The old version is stopped and the new one serves everything.
            #expect(try host.version().version == "2.0.0")
            #expect(throws: (any Error).self) { try host.version(at: "http://\(host.address(.blue))/health") }
            let traffic = try #require(try host.state.gatewayState()?.traffic["collection"])
            #expect(traffic.stableSlot == .green && traffic.stableVersion == "2.0.0" && traffic.newWeight == 0)
        }

        /// Blue-green under load: preview by header only, then one switch: no non-2xx answer, 0%
        /// then 100% measured.
        @Test func blueGreenSwitchesAtOnceWithoutErrors() async throws {
            let host = try await LiveHost { host in
                RolloutStrategy(
                    strategy: .blueGreen, blueGreen: BlueGreenStrategy(preview: true, scaleDownDelaySeconds: 1), analysis: Self.analysis,
                    testRouting: TestRouting(header: TestRouteMatch(name: "X-ERS-Preview", value: "always")), host: host)
            }
            defer { host.cleanUp() }
            let wrk = try Wrk(binary: try #require(LiveRequirements.wrk), url: host.apiURL, directory: host.directory)
            try await Task.sleep(for: .milliseconds(500))
            let rollouts = HostRollouts(state: host.state, report: { print($0) })
            let (spec, settings) = (host.spec, host.settings)
            let release = Task { try await rollouts.start(spec: spec, service: "collection", version: "2.0.0", settings: settings, supersede: false) }
            try await Self.waitFor(host, phase: .paused, version: "2.0.0")
            // Preview: the header reaches the new version, everything else the old one.
            #expect(try host.version(header: ("X-ERS-Preview", "always")).version == "2.0.0")
            #expect(try host.version().version == "1.0.0")
            try await Task.sleep(for: .seconds(1))
            _ = try await rollouts.promote("collection", full: false)
            let record = try await release.value
            let summary = try await wrk.stop()
            print("blue-green under wrk: \(summary)")
            #expect(record.phase == .completed, "\(record.message ?? "")")
            #expect(summary.status == 0, "non-2xx answers during the switch: \(summary)")
            let splits = try Self.splits(host, record, newAddress: host.address(.green))
            #expect(splits.map(\.weight) == [0, 100])
            for split in splits {
                print("blue-green weight \(split.weight): measured \(String(format: "%.2f", split.measured))% of \(split.total) requests")
                #expect(abs(split.measured - Double(split.weight)) <= 2)
            }
            #expect(try host.version().version == "2.0.0")
        }

        /// A canary failing 10% of its requests is aborted at its first gated step; afterwards every
        /// request reaches the stable version.
        @Test func failingCanaryAbortsAtItsFirstGatedStep() async throws {
            let host = try await LiveHost { host in
                RolloutStrategy(
                    strategy: .canary, canary: CanaryStrategy(steps: [.weight(10), .pause(seconds: 30), .weight(50)], scaleDownDelaySeconds: 1),
                    analysis: RolloutAnalysis(windowSeconds: 5, minimumRequests: 100, errorRate: ErrorRateLimit(maxPercent: 5)), host: host)
            }
            defer { host.cleanUp() }
            try host.failShare(version: "2.0.0-bad", percent: 10)
            let wrk = try Wrk(binary: try #require(LiveRequirements.wrk), url: host.apiURL, directory: host.directory)
            let start = ContinuousClock.now
            let record = try await HostRollouts(state: host.state, report: { print($0) })
                .start(spec: host.spec, service: "collection", version: "2.0.0-bad", settings: host.settings, supersede: false)
            let summary = try await wrk.stop()
            print("failing canary under wrk: \(summary); aborted after \(ContinuousClock.now - start)")
            #expect(record.phase == .aborted)
            #expect(record.stepIndex == 1, "aborted at step \(record.stepIndex): \(record.message ?? "")")
            #expect(record.steps[record.stepIndex] == .setWeight(10))
            #expect(record.history.contains { $0.message.contains("gate breached at setWeight 10") && $0.message.contains("5xx share") })
            #expect(record.weight == 0 && !record.testRouting && record.newVersionStopped)
            // After the abort: every request to the stable version.
            let abortGeneration = try #require(record.generation)
            let versions = try (0..<200).map { _ in try host.version().version }
            #expect(versions.allSatisfy { $0 == "1.0.0" }, "\(Set(versions.map { $0 ?? "-" }))")
            let afterAbort = try host.servedByGeneration()[abortGeneration] ?? [:]
            #expect(afterAbort.keys.allSatisfy { $0 == host.address(.blue) } && (afterAbort[host.address(.blue)] ?? 0) >= 200)
        }

        /// A canary that goes bad while it waits for promotion is aborted from the pause.
        @Test func aGateBreachedDuringAPauseAborts() async throws {
            let host = try await LiveHost { host in
                RolloutStrategy(
                    strategy: .canary, canary: CanaryStrategy(steps: [.weight(20), .pause(seconds: nil), .weight(100)], scaleDownDelaySeconds: 1),
                    analysis: RolloutAnalysis(windowSeconds: 2, minimumRequests: 50, errorRate: ErrorRateLimit(maxPercent: 5)), host: host)
            }
            defer { host.cleanUp() }
            let wrk = try Wrk(binary: try #require(LiveRequirements.wrk), url: host.apiURL, directory: host.directory, connections: 8)
            let (spec, settings) = (host.spec, host.settings)
            let rollouts = HostRollouts(state: host.state, report: { print($0) })
            let release = Task { try await rollouts.start(spec: spec, service: "collection", version: "2.0.0", settings: settings, supersede: false) }
            try await Self.waitFor(host, phase: .paused, version: "2.0.0")
            try host.failShare(version: "2.0.0", percent: 20)
            let record = try await release.value
            _ = try await wrk.stop()
            #expect(record.phase == .aborted)
            #expect(record.steps[record.stepIndex] == .pause(seconds: nil), "aborted at \(record.currentStep?.summary ?? "-")")
            #expect(record.history.contains { $0.message.contains("gate breached at pause until promoted (20%)") }, "\(record.history.map(\.message))")
            let versions = try (0..<100).map { _ in try host.version().version }
            #expect(versions.allSatisfy { $0 == "1.0.0" })
        }

        // MARK: - Helpers

        struct Split { var weight: Int; var measured: Double; var total: Int }

        /// The measured split of each weight the release served (from its history's generations).
        static func splits(_ host: LiveHost, _ record: RolloutRecord, newAddress: String) throws -> [Split] {
            let served = try host.servedByGeneration()
            var seen: Set<String> = []
            return record.history.compactMap { event -> Split? in
                guard let generation = event.generation, let weight = event.weight, event.message.contains("% to"),
                    seen.insert(generation).inserted, let counts = served[generation]
                else { return nil }
                let total = counts.values.reduce(0, +)
                return Split(weight: weight, measured: total == 0 ? 0 : Double(counts[newAddress] ?? 0) * 100 / Double(total), total: total)
            }
        }

        /// Waits until the release of `collection` (to `version`, when given) reaches `phase`;
        /// fails at once when it ended otherwise.
        static func waitFor(_ host: LiveHost, phase: RolloutPhase, version: String? = nil, timeout: Duration = .seconds(60)) async throws {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if let record = try? host.state.record(of: "collection"), version == nil || record.toVersion == version {
                    if record.phase == phase { return }
                    if record.phase.isTerminal, version != nil {
                        Issue.record("the release to \(record.toVersion) ended \(record.phase.rawValue) instead: \(record.message ?? "")")
                        throw LiveRequirements.Unavailable(description: "ended")
                    }
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            let record = try? host.state.record(of: "collection")
            Issue.record("the release did not reach \(phase) within \(timeout): \(record.map { "\($0.toVersion) \($0.phase.rawValue): \($0.message ?? "")" } ?? "no record")")
            throw LiveRequirements.Unavailable(description: "timeout")
        }
    }
}
