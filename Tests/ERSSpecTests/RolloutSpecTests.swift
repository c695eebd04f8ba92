import ERSModel
import ERSSpec
import Testing

/// Rollout keys through the loader: every key decodes, numbers are numbers, and rollout
/// diagnostics carry file:line:column.
@Suite struct RolloutSpecTests {
    static func load(_ rollout: String) -> SpecLoadResult {
        var text = InMemorySpecs.minimal()
        if let first = text.range(of: "    ports:\n") {  // the api service only
            text.replaceSubrange(first, with: "    replicas: 3\n    rollout:\n\(rollout)    ports:\n")
        }
        return InMemorySpecs(files: ["s.yaml": text]).load("s.yaml")
    }

    @Test func everyRolloutKeyDecodes() throws {
        let result = Self.load(
            """
                  strategy: canary
                  canary:
                    trafficRouting: gatewayAPI
                    scaleDownDelaySeconds: 60
                    steps:
                      - setWeight: 10
                      - pause: {durationSeconds: 30}
                      - pause: {}
                      - setWeight: 100
                  analysis:
                    windowSeconds: 120
                    minimumRequests: 200
                    errorRate: {maxPercent: 0.5, maxPointsAboveStable: 1}
                    p99Latency: {maxMilliseconds: 400, maxRatioToStable: 1.25}
                  testRouting:
                    header: {name: X-ERS-Canary, value: always}
                    cookie: {name: ers_canary, value: always}
                  controller: argoRollouts
                  host:
                    slots: {blue: "127.0.0.1:8081", green: "127.0.0.1:8082"}
                    deploy: [docker, compose, up, --detach, "api-{slot}"]
                    stop: [docker, compose, stop, "api-{slot}"]
                    healthPath: /health
                    versionHeader: X-Version
                    startTimeoutSeconds: 60
                    commandTimeoutSeconds: 90

            """)
        #expect(result.diagnostics == [])
        let rollout = try #require(result.spec?.service(named: "api")?.rollout)
        #expect(rollout.canary?.steps == [.weight(10), .pause(seconds: 30), .pause(seconds: nil), .weight(100)])
        #expect(rollout.analysis?.errorRate == ErrorRateLimit(maxPercent: 0.5, maxPointsAboveStable: 1))
        #expect(rollout.analysis?.p99Latency == LatencyLimit(maxMilliseconds: 400, maxRatioToStable: 1.25))
        #expect(rollout.controller == .argoRollouts)
        #expect(rollout.host?.slots == HostSlots(blue: "127.0.0.1:8081", green: "127.0.0.1:8082"))
        #expect(rollout.host?.versionHeader == "X-Version")
    }

    @Test func aNumberMustBeWrittenAsOne() {
        let result = Self.load("      strategy: canary\n      canary: {steps: [{setWeight: 10}]}\n      analysis: {errorRate: {maxPercent: 1.2.3}}\n")
        #expect(result.diagnostics.map(\.description) == [
            "s.yaml:12:42: error: services[api].rollout.analysis.errorRate.maxPercent: '1.2.3' is not a decimal number; write digits with an optional fraction, e.g. 0.5 or 2"
        ])
    }

    @Test func theReplicaRatioWarningPointsAtTheWeight() {
        let result = Self.load("      strategy: canary\n      canary:\n        trafficRouting: replicas\n        steps:\n          - setWeight: 50\n")
        #expect(result.diagnostics.map { "\($0.location.map { "\($0)" } ?? "-") \($0.severity.rawValue)" } == ["s.yaml:14:24 warning"])
        #expect(!result.hasErrors)
    }
}
