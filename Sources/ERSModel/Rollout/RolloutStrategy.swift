/// How a new version of a service replaces the old one (`rollout:` of a service). Terms follow
/// Kubernetes (`RollingUpdate`: maxSurge, maxUnavailable) and Argo Rollouts (blueGreen: preview,
/// autoPromotion, scaleDownDelaySeconds; canary: steps of setWeight and pause).
public struct RolloutStrategy: Sendable, Hashable, Codable {
    /// The strategy.
    public var strategy: RolloutKind
    /// Rolling update: extra pods allowed during the update (count or percent; default 25%).
    public var maxSurge: IntOrPercent?
    /// Rolling update: pods that may be unavailable during the update (default 0).
    public var maxUnavailable: IntOrPercent?
    /// Blue-green settings, when `strategy` is `blueGreen`.
    public var blueGreen: BlueGreenStrategy?
    /// Canary settings, when `strategy` is `canary`.
    public var canary: CanaryStrategy?

    /// Creates a strategy.
    public init(
        strategy: RolloutKind, maxSurge: IntOrPercent? = nil, maxUnavailable: IntOrPercent? = nil,
        blueGreen: BlueGreenStrategy? = nil, canary: CanaryStrategy? = nil
    ) {
        self.strategy = strategy
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
        self.blueGreen = blueGreen
        self.canary = canary
    }

    /// A rolling update with `maxSurge: 25%` and `maxUnavailable: 0`.
    public static let rolling = RolloutStrategy(strategy: .rolling, maxSurge: .percent(25), maxUnavailable: .count(0))
}

/// The closed set of rollout strategies.
public enum RolloutKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Kubernetes `RollingUpdate`.
    case rolling
    /// Two slots (`blue`, `green`); a Service selector switch moves all traffic at once.
    case blueGreen
    /// Stable and canary versions side by side; traffic moves by weight in steps.
    case canary
}

/// Blue-green settings (Argo Rollouts `BlueGreenStrategy` terms).
public struct BlueGreenStrategy: Sendable, Hashable, Codable {
    /// Whether a preview Service selects the new slot before promotion (default true).
    public var preview: Bool?
    /// Seconds after the new slot is ready before it is promoted automatically; nil waits for
    /// a manual `promote`.
    public var autoPromotionSeconds: Int?
    /// Seconds the old slot keeps running after promotion (default 30).
    public var scaleDownDelaySeconds: Int?

    /// Creates settings.
    public init(preview: Bool? = nil, autoPromotionSeconds: Int? = nil, scaleDownDelaySeconds: Int? = nil) {
        self.preview = preview
        self.autoPromotionSeconds = autoPromotionSeconds
        self.scaleDownDelaySeconds = scaleDownDelaySeconds
    }
}

/// Canary settings (Argo Rollouts `CanaryStrategy` terms).
public struct CanaryStrategy: Sendable, Hashable, Codable {
    /// The ordered steps.
    public var steps: [CanaryStep]

    /// Creates settings.
    public init(steps: [CanaryStep]) {
        self.steps = steps
    }
}

/// One canary step: exactly one of `setWeight` and `pause`.
public struct CanaryStep: Sendable, Hashable, Codable {
    /// Percent of traffic (0–100) sent to the new version.
    public var setWeight: Int?
    /// A pause; `durationSeconds` nil waits for a manual `promote`.
    public var pause: CanaryPause?

    /// Creates a step.
    public init(setWeight: Int? = nil, pause: CanaryPause? = nil) {
        self.setWeight = setWeight
        self.pause = pause
    }
}

/// A canary pause.
public struct CanaryPause: Sendable, Hashable, Codable {
    /// Seconds to wait; nil waits until promoted.
    public var durationSeconds: Int?

    /// Creates a pause.
    public init(durationSeconds: Int? = nil) {
        self.durationSeconds = durationSeconds
    }
}
