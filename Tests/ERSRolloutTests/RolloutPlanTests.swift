import ERSModel
import ERSSpec
import Foundation
import Testing

@testable import ERSRollout

/// `ersctl rollout plan` output, byte for byte against Golden/ (`ERS_UPDATE_GOLDEN=1`
/// rewrites them): production's canary and blue-green, and a host release.
@Suite struct RolloutPlanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func production() throws -> SystemSpec {
        let result = SpecLoader().load(path: root.appendingPathComponent("environments/production.yaml").path)
        return try #require(result.spec)
    }

    static func check(_ text: String, _ name: String) throws {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ERS_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs; rerun with ERS_UPDATE_GOLDEN=1 to accept")
    }

    @Test func productionCanaryPlan() throws {
        let plan = try RolloutPlan(spec: Self.production(), service: "collection", version: "1.1.0")
        #expect(plan.hostSteps == nil)
        #expect(plan.kubernetesSteps.map(\.title) == [
            "deploy 1.1.0 in collection-canary", "setWeight 10", "pause 300 s", "setWeight 25", "pause 300 s", "setWeight 50",
            "pause until promoted", "setWeight 100", "promote",
        ])
        try Self.check(plan.text, "plan-production-collection.txt")
    }

    @Test func productionBlueGreenPlan() throws {
        let plan = try RolloutPlan(spec: Self.production(), service: "auth", version: "1.1.0")
        #expect(plan.kubernetesSteps.map(\.title) == ["deploy 1.1.0 in auth-green", "preview", "pause until promoted", "switch (setWeight 100)", "scale down auth-blue"])
        try Self.check(plan.text, "plan-production-auth.txt")
    }

    @Test func hostPlanShowsWeightsReloadsAndCommands() throws {
        let host = HostRollout(
            slots: HostSlots(blue: "127.0.0.1:8081", green: "127.0.0.1:8082"),
            deploy: ["docker", "compose", "up", "--detach", "--no-deps", "{service}-{slot}"], stop: ["docker", "compose", "stop", "{service}-{slot}"])
        let rollout = RolloutStrategy(
            strategy: .canary, canary: CanaryStrategy(steps: [.weight(10), .pause(seconds: 60), .weight(50)]),
            analysis: RolloutAnalysis(windowSeconds: 120, minimumRequests: 200, errorRate: ErrorRateLimit(maxPercent: 1)),
            testRouting: TestRouting(header: TestRouteMatch(name: "X-ERS-Canary", value: "always")), host: host)
        let plan = try RolloutPlan(spec: LiveHost.spec(gatewayPort: 8080, rollout: rollout), service: "collection", version: "2.0.0")
        let steps = try #require(plan.hostSteps)
        #expect(steps[1].actions.last == "gateway collection upstreams: 127.0.0.1:8081 weight=9, 127.0.0.1:8082 weight=1; requests with X-ERS-Canary: always -> slot green; nginx -t, reload, verify X-Config-Generation")
        try Self.check(plan.text, "plan-host-canary.txt")
    }

    @Test func aRollingServiceHasNoPlan() throws {
        #expect(throws: RolloutError.self) { try RolloutPlan(spec: Self.production(), service: "worker", version: "1.1.0") }
        #expect(throws: RolloutError.self) { try RolloutPlan(spec: Self.production(), service: "nope", version: "1.1.0") }
    }
}
