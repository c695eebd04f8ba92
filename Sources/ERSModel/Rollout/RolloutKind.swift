/// The closed set of rollout strategies (`rollout.strategy`).
public enum RolloutKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Kubernetes `RollingUpdate`.
    case rolling
    /// Two slots (`blue`, `green`); a Service selector switch (Kubernetes) or one gateway
    /// reload (host) moves all traffic at once.
    case blueGreen
    /// Stable and canary versions side by side; traffic moves by weight in steps.
    case canary
}
