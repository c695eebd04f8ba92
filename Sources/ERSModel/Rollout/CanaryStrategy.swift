/// Canary settings (`rollout.canary`, Argo Rollouts `CanaryStrategy` terms).
public struct CanaryStrategy: Sendable, Hashable, Codable {
    /// The ordered steps. After the last one the canary is promoted to 100%.
    public var steps: [CanaryStep]
    /// How Kubernetes splits traffic between the stable and canary Services (default
    /// `gatewayAPI`). The host executor always splits with nginx upstream weights.
    public var trafficRouting: CanaryTrafficRouting?
    /// Seconds the old version keeps running after promotion, once the gateway sees no more
    /// traffic to it (default 30).
    public var scaleDownDelaySeconds: Int?

    /// Creates settings.
    public init(steps: [CanaryStep], trafficRouting: CanaryTrafficRouting? = nil, scaleDownDelaySeconds: Int? = nil) {
        self.steps = steps
        self.trafficRouting = trafficRouting
        self.scaleDownDelaySeconds = scaleDownDelaySeconds
    }

    /// The default of ``scaleDownDelaySeconds``.
    public static let defaultScaleDownDelaySeconds = 30

    /// `trafficRouting` or its default, `gatewayAPI`.
    public var effectiveTrafficRouting: CanaryTrafficRouting { trafficRouting ?? .gatewayAPI }
    /// `scaleDownDelaySeconds` or its default.
    public var effectiveScaleDownDelaySeconds: Int { scaleDownDelaySeconds ?? Self.defaultScaleDownDelaySeconds }
    /// The `setWeight` values in step order.
    public var weights: [Int] { steps.compactMap(\.setWeight) }
}
