import ERSGateway
import ERSModel
import Testing

@testable import ERSRollout

/// Weights as nginx takes them: reduced, `down` instead of 0, blue first.
@Suite struct ServiceTrafficTests {
    static let host = HostRollout(slots: HostSlots(blue: "127.0.0.1:8081", green: "127.0.0.1:8082"), deploy: ["true"], stop: ["true"])

    @Test(arguments: [
        (0, ["127.0.0.1:8081", "127.0.0.1:8082 down"]),
        (10, ["127.0.0.1:8081 weight=9", "127.0.0.1:8082 weight=1"]),
        (25, ["127.0.0.1:8081 weight=3", "127.0.0.1:8082 weight=1"]),
        (33, ["127.0.0.1:8081 weight=67", "127.0.0.1:8082 weight=33"]),
        (50, ["127.0.0.1:8081 weight=1", "127.0.0.1:8082 weight=1"]),
        (100, ["127.0.0.1:8081 down", "127.0.0.1:8082"]),
    ])
    func weightsFromBlueToGreen(_ weight: Int, _ expected: [String]) {
        let traffic = ServiceTraffic(stableSlot: .blue, stableVersion: "1", newWeight: weight)
        #expect(traffic.servers(of: Self.host).map(\.parameters) == expected)
    }

    @Test func theSameSplitFromTheOtherSideRendersTheSameServers() {
        let finishing = ServiceTraffic(stableSlot: .blue, stableVersion: "1", newWeight: 100)
        let finished = ServiceTraffic(stableSlot: .green, stableVersion: "2", newWeight: 0)
        #expect(finishing.servers(of: Self.host) == finished.servers(of: Self.host))
    }

    @Test func hostStepsFollowTheStrategy() {
        let canary = RolloutStrategy(strategy: .canary, canary: CanaryStrategy(steps: [.weight(10), .pause(seconds: 60), .weight(50)], scaleDownDelaySeconds: 5))
        #expect(hostSteps(of: canary) == [.deploy, .setWeight(10), .pause(seconds: 60), .setWeight(50), .setWeight(100), .scaleDown(delaySeconds: 5)])
        let blueGreen = RolloutStrategy(
            strategy: .blueGreen, blueGreen: BlueGreenStrategy(autoPromotionSeconds: 30),
            testRouting: TestRouting(header: TestRouteMatch(name: "X-Preview", value: "1")))
        #expect(hostSteps(of: blueGreen) == [.deploy, .preview, .pause(seconds: 30), .setWeight(100), .scaleDown(delaySeconds: 30)])
        #expect(hostSteps(of: .rolling) == nil)
    }
}
