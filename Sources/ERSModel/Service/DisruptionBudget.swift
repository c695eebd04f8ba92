/// A PodDisruptionBudget (`policy/v1`): exactly one of `minAvailable` and `maxUnavailable`.
public struct DisruptionBudget: Sendable, Hashable, Codable {
    /// Pods that must stay up during a voluntary disruption (count or percent).
    public var minAvailable: IntOrPercent?
    /// Pods that may be down during a voluntary disruption (count or percent).
    public var maxUnavailable: IntOrPercent?

    /// Creates a budget.
    public init(minAvailable: IntOrPercent? = nil, maxUnavailable: IntOrPercent? = nil) {
        self.minAvailable = minAvailable
        self.maxUnavailable = maxUnavailable
    }
}
