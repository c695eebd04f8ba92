public import ERSGateway
public import ERSModel

/// How the host gateway splits one service's traffic between its two slots.
public struct ServiceTraffic: Sendable, Hashable, Codable {
    /// The slot of the stable version.
    public var stableSlot: RolloutSlot
    /// The stable version (nil when it was never recorded: the spec's tag is assumed).
    public var stableVersion: String?
    /// Percent (0–100) of the traffic sent to the other slot.
    public var newWeight: Int
    /// Whether requests matching `testRouting` go to the other slot.
    public var testRouting: Bool

    /// Creates a split.
    public init(stableSlot: RolloutSlot, stableVersion: String?, newWeight: Int = 0, testRouting: Bool = false) {
        self.stableSlot = stableSlot
        self.stableVersion = stableVersion
        self.newWeight = newWeight
        self.testRouting = testRouting
    }

    /// The upstream servers for `host`, blue first: weights reduced by their greatest common
    /// divisor (10/90 is `weight=1` and `weight=9`); a slot with no traffic is `down`
    /// (nginx refuses `weight=0`), a slot with all of it has no weight.
    public func servers(of host: HostRollout) -> [UpstreamServer] {
        let weight = min(max(newWeight, 0), 100)
        let stable = 100 - weight
        let divisor = greatestCommonDivisor(stable, weight)
        return RolloutSlot.allCases.map { slot in
            let share = slot == stableSlot ? stable : weight
            let address = host.address(of: slot)
            switch share {
            case 0: return UpstreamServer(address: address, isDown: true)
            case 100: return UpstreamServer(address: address)
            default: return UpstreamServer(address: address, weight: share / divisor)
            }
        }
    }

    /// The test route for `rollout`, when test routing is on and configured.
    public func testRoute(of rollout: RolloutStrategy) -> GatewayTestRoute? {
        guard testRouting, let host = rollout.host, let routing = rollout.testRouting else { return nil }
        return GatewayTestRoute(servers: [UpstreamServer(address: host.address(of: stableSlot.other))], header: routing.header, cookie: routing.cookie)
    }
}

/// The greatest common divisor (1 when both are 0).
func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (abs(a), abs(b))
    while y != 0 { (x, y) = (y, x % y) }
    return max(x, 1)
}
