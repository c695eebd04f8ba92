/// How a new version of a service replaces the old one (`rollout:` of a service). Terms follow
/// Kubernetes (`RollingUpdate`: maxSurge, maxUnavailable) and Argo Rollouts (blueGreen: preview,
/// autoPromotion, scaleDownDelaySeconds; canary: steps of setWeight and pause; analysis; promote;
/// abort).
///
/// `ersctl render` turns it into Kubernetes objects (ERSKubernetes), `ersctl rollout plan`
/// prints the steps, and `ersctl rollout start` carries a blue-green or canary release out on a
/// single host behind the rendered nginx gateway (ERSRollout), using ``host``.
public struct RolloutStrategy: Sendable, Hashable, Codable {
    /// The strategy.
    public var strategy: RolloutKind
    /// Rolling update: extra pods allowed during the update (count or percent; default 25%).
    public var maxSurge: IntOrPercent?
    /// Rolling update: pods that may be unavailable during the update (default 0).
    public var maxUnavailable: IntOrPercent?
    /// Blue-green settings; only with `strategy: blueGreen`.
    public var blueGreen: BlueGreenStrategy?
    /// Canary settings; only with `strategy: canary`, where they are required.
    public var canary: CanaryStrategy?
    /// The gate every step of a blue-green or canary release must pass: the new version's 5xx
    /// share and p99 latency over a window. Nil: steps are gated on health checks only.
    public var analysis: RolloutAnalysis?
    /// Requests carrying this header or cookie always go to the new version (blue-green
    /// preview, canary testing), whatever the weights.
    public var testRouting: TestRouting?
    /// Who carries the release out in Kubernetes: plain Deployments and Services that
    /// `ersctl rollout plan` patches step by step (default), or an Argo Rollouts `Rollout`.
    public var controller: RolloutController?
    /// Where the two versions run on a single host, and the commands that start and stop one
    /// (the `ersctl rollout start` executor). Nil: the service cannot be released on a host.
    public var host: HostRollout?

    /// Creates a strategy.
    public init(
        strategy: RolloutKind, maxSurge: IntOrPercent? = nil, maxUnavailable: IntOrPercent? = nil,
        blueGreen: BlueGreenStrategy? = nil, canary: CanaryStrategy? = nil, analysis: RolloutAnalysis? = nil,
        testRouting: TestRouting? = nil, controller: RolloutController? = nil, host: HostRollout? = nil
    ) {
        self.strategy = strategy
        self.maxSurge = maxSurge
        self.maxUnavailable = maxUnavailable
        self.blueGreen = blueGreen
        self.canary = canary
        self.analysis = analysis
        self.testRouting = testRouting
        self.controller = controller
        self.host = host
    }

    /// A rolling update with `maxSurge: 25%` and `maxUnavailable: 0`.
    public static let rolling = RolloutStrategy(strategy: .rolling, maxSurge: .percent(25), maxUnavailable: .count(0))

    /// `controller` or its default, `ersctl`.
    public var effectiveController: RolloutController { controller ?? .ersctl }
}
