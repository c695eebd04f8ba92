import ERSModel
import Foundation
import Testing

/// `SystemSpec+Rollouts`: what a rollout strategy may combine, canary steps, analysis limits,
/// test routing, host slots, and the replica-ratio warning; each with its field path.
@Suite struct RolloutValidationTests {
    static func spec(_ rollout: RolloutStrategy, replicas: Int? = 3) -> SystemSpec {
        SystemSpec(
            name: "ers", environment: "test", namespace: "ers-test", images: ImageDefaults(registry: "r.example.com/ers", tag: "1.0.0"),
            services: [
                Service(name: "gateway", image: ImageReference(repository: "nginx", tag: "1.22"), ports: [ContainerPort(name: "http", containerPort: 8080)]),
                Service(name: "api", image: ImageReference(repository: "api"), ports: [ContainerPort(name: "http", containerPort: 8080)], replicas: replicas, rollout: rollout),
            ],
            gateway: Gateway(
                service: "gateway", port: "http", auth: GatewayAuth(service: "api", port: "http", verifyPath: "/auth/verify"),
                routes: [Route(name: "api", path: "/api", service: "api", port: "http")]))
    }

    static func problems(_ rollout: RolloutStrategy, replicas: Int? = 3) -> [String] {
        spec(rollout, replicas: replicas).validate().map { "\($0.severity.rawValue) \($0.path): \($0.message)" }
    }

    static func canary(_ steps: [CanaryStep], routing: CanaryTrafficRouting? = nil) -> RolloutStrategy {
        RolloutStrategy(strategy: .canary, canary: CanaryStrategy(steps: steps, trafficRouting: routing))
    }

    @Test func aSoundCanaryAndBlueGreenHaveNoProblems() {
        let analysis = RolloutAnalysis(windowSeconds: 60, minimumRequests: 100, errorRate: ErrorRateLimit(maxPercent: 1))
        var canary = Self.canary([.weight(10), .pause(seconds: 60), .weight(50), .pause(seconds: nil), .weight(100)])
        canary.analysis = analysis
        canary.testRouting = TestRouting(header: TestRouteMatch(name: "X-ERS-Canary", value: "always"), cookie: TestRouteMatch(name: "ers_canary", value: "always"))
        #expect(Self.problems(canary) == [])
        let blueGreen = RolloutStrategy(strategy: .blueGreen, blueGreen: BlueGreenStrategy(autoPromotionSeconds: 30, activeSlot: .green), analysis: analysis)
        #expect(Self.problems(blueGreen) == [])
    }

    @Test func weightsMustIncreaseAndStepsHoldOneAction() {
        #expect(Self.problems(Self.canary([.weight(50), .pause(seconds: 5), .weight(50)])) == [
            "error services[api].rollout.canary.steps[2].setWeight: weights must increase: 50 follows 50 (step 0); to hold a weight, add a pause step instead"
        ])
        #expect(Self.problems(Self.canary([CanaryStep(setWeight: 10, pause: CanaryPause(durationSeconds: 5)), CanaryStep()])) == [
            "error services[api].rollout.canary.steps[0]: a step has exactly one of setWeight and pause; split it into two steps",
            "error services[api].rollout.canary.steps[1]: a step needs exactly one of setWeight and pause; add setWeight: <percent> or pause: {durationSeconds: <seconds>}",
        ])
        #expect(Self.problems(Self.canary([.weight(101)])) == ["error services[api].rollout.canary.steps[0].setWeight: 101 is not a percentage; use a value from 0 to 100"])
        #expect(Self.problems(Self.canary([])).contains { $0.hasPrefix("error services[api].rollout.canary.steps: a canary needs at least one step") })
    }

    @Test func settingsOfAnotherStrategyAreErrors() {
        let mixed = RolloutStrategy(
            strategy: .canary, maxSurge: .count(1), blueGreen: BlueGreenStrategy(), canary: CanaryStrategy(steps: [.weight(10)]))
        #expect(Self.problems(mixed) == [
            "error services[api].rollout.maxSurge: maxSurge applies to strategy rolling only (strategy is canary); remove it",
            "error services[api].rollout.blueGreen: blueGreen settings apply to strategy blueGreen only (strategy is canary); remove them or set strategy: blueGreen",
        ])
        let rolling = RolloutStrategy(
            strategy: .rolling, analysis: RolloutAnalysis(errorRate: ErrorRateLimit(maxPercent: 1)),
            testRouting: TestRouting(header: TestRouteMatch(name: "X", value: "1")), controller: .argoRollouts)
        #expect(Self.problems(rolling).count == 3)
        #expect(Self.problems(RolloutStrategy(strategy: .canary)) == [
            "error services[api].rollout.canary: strategy canary needs canary.steps, e.g. [{setWeight: 10}, {pause: {durationSeconds: 300}}, {setWeight: 50}]"
        ])
    }

    @Test func aWeightThatReplicaRatiosCannotRealiseIsAWarning() {
        let problems = Self.problems(Self.canary([.weight(25), .weight(50), .weight(100)], routing: .replicas), replicas: 3)
        #expect(problems == [
            "warning services[api].rollout.canary.steps[0].setWeight: setWeight 25 cannot be realised exactly by replica ratios: with trafficRouting replicas and 3 replicas the nearest split is 1 canary pod of 3 (33%); 3 replicas split exactly only at multiples of 100%: use such a weight, a replica count that divides it (e.g. 4 for steps of 25%), or trafficRouting gatewayAPI (exact weights)",
            "warning services[api].rollout.canary.steps[1].setWeight: setWeight 50 cannot be realised exactly by replica ratios: with trafficRouting replicas and 3 replicas the nearest split is 2 canary pods of 3 (67%); 3 replicas split exactly only at multiples of 100%: use such a weight, a replica count that divides it (e.g. 4 for steps of 25%), or trafficRouting gatewayAPI (exact weights)",
        ])
        #expect(Self.problems(Self.canary([.weight(25), .weight(50), .weight(100)], routing: .replicas), replicas: 4) == [])
        #expect(Self.problems(Self.canary([.weight(25), .weight(50), .weight(100)], routing: .gatewayAPI), replicas: 3) == [])
    }

    @Test func analysisNeedsALimitAndSaneNumbers() {
        var rollout = Self.canary([.weight(10)])
        rollout.analysis = RolloutAnalysis(windowSeconds: 0, minimumRequests: 0)
        #expect(Self.problems(rollout) == [
            "error services[api].rollout.analysis.windowSeconds: 0 is too short; use at least 1 second",
            "error services[api].rollout.analysis.minimumRequests: 0 would judge on no requests at all; use at least 1",
            "error services[api].rollout.analysis: the analysis sets no limit, so it gates nothing; add errorRate.maxPercent and/or p99Latency.maxMilliseconds",
        ])
        rollout.analysis = RolloutAnalysis(errorRate: ErrorRateLimit(maxPercent: 120), p99Latency: LatencyLimit(maxRatioToStable: 0.5))
        #expect(Self.problems(rollout).count == 2)
    }

    @Test func testRoutingNamesAndValuesMustBeMatchable() {
        var rollout = Self.canary([.weight(10)])
        rollout.testRouting = TestRouting(header: TestRouteMatch(name: "X Canary", value: "a;b"), cookie: TestRouteMatch(name: "ers-canary", value: "ok"))
        #expect(Self.problems(rollout).map { $0.components(separatedBy: ": ").first ?? "" } == [
            "error services[api].rollout.testRouting.header.name",
            "error services[api].rollout.testRouting.header.value",
            "error services[api].rollout.testRouting.cookie.name",
        ])
        rollout.testRouting = TestRouting()
        #expect(Self.problems(rollout).count == 1)
    }

    @Test func hostSlotsAndCommandsAreChecked() {
        var rollout = RolloutStrategy(strategy: .blueGreen)
        rollout.host = HostRollout(slots: HostSlots(blue: "127.0.0.1:8081", green: "127.0.0.1:8081"), deploy: [], stop: ["stop"], healthPath: "health")
        #expect(Self.problems(rollout) == [
            "error services[api].rollout.host.slots.green: blue and green both listen on 127.0.0.1:8081; the two versions run side by side, so give each slot its own port",
            "error services[api].rollout.host.deploy: the deploy command is empty; give the program and its arguments, e.g. [docker, compose, up, --detach, \"{service}-{slot}\"]",
            "error services[api].rollout.host.healthPath: 'health' is not a request path; start it with / and use no spaces, e.g. /health",
        ])
        rollout.host = HostRollout(slots: HostSlots(blue: "localhost", green: "10.0.0.1:99999"), deploy: ["a"], stop: ["b"])
        #expect(Self.problems(rollout).count == 2)
    }
}
