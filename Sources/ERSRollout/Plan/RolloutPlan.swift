public import ERSModel

/// What `ersctl rollout plan` prints before anything is done: the ordered steps of a release of
/// one service to one version, for the host executor (weights, reloads, gates) and for
/// Kubernetes (the commands and patches of each step), each step's gate and what a rollback
/// does. A pure function of the spec.
public struct RolloutPlan: Sendable, Hashable {
    /// One step as printed.
    public struct Step: Sendable, Hashable {
        /// `setWeight 25`, `deploy`, …
        public var title: String
        /// What is done, one line each (commands for Kubernetes).
        public var actions: [String]
        /// What must hold before the step counts as done, if anything.
        public var gate: String?
    }

    /// The service.
    public var service: String
    /// The strategy.
    public var strategy: RolloutKind
    /// The version serving now.
    public var fromVersion: String
    /// The version to release.
    public var toVersion: String
    /// The gate every gated step applies, in words; nil without an analysis.
    public var gate: String?
    /// The host executor's steps; nil without `rollout.host`.
    public var hostSteps: [Step]?
    /// What a host rollback does.
    public var hostRollback: String?
    /// The Kubernetes steps.
    public var kubernetesSteps: [Step]
    /// What a Kubernetes rollback does.
    public var kubernetesRollback: String
    /// What to change in the spec after a successful release.
    public var afterwards: String

    /// The plan of releasing `service` of `spec` to `version`; the host part starts from
    /// `traffic` (the host gateway's current split) when known, else from the spec.
    /// - Throws: ``RolloutError/unknownService(_:known:)``, ``RolloutError/notReleasable(service:reason:)``
    ///   for a rolling service.
    public init(spec: SystemSpec, service serviceName: String, version: String, traffic: ServiceTraffic? = nil) throws(RolloutError) {
        guard let service = spec.service(named: serviceName) else {
            throw .unknownService(serviceName, known: spec.services.map(\.name))
        }
        guard let rollout = service.rollout, let steps = ERSRollout.hostSteps(of: rollout) else {
            throw .notReleasable(service: serviceName, reason: "its rollout strategy is rolling: `kubectl apply` of a render with the new tag rolls it (maxSurge/maxUnavailable); plans are for blueGreen and canary")
        }
        self.service = serviceName
        strategy = rollout.strategy
        fromVersion = traffic?.stableVersion ?? service.image.tag ?? spec.images.tag
        toVersion = version
        gate = rollout.analysis.map(Self.describe)
        let planner = PlanWriter(spec: spec, service: service, rollout: rollout, version: version, gate: gate)
        if let host = rollout.host {
            let stableSlot = traffic?.stableSlot ?? rollout.blueGreen?.effectiveActiveSlot ?? .blue
            hostSteps = planner.hostSteps(steps, host: host, stableSlot: stableSlot)
            hostRollback = planner.hostRollback(host: host, stableSlot: stableSlot)
        } else {
            hostSteps = nil
            hostRollback = nil
        }
        kubernetesSteps = planner.kubernetesSteps()
        kubernetesRollback = planner.kubernetesRollback()
        afterwards = planner.afterwards()
    }

    /// The gate in words.
    static func describe(_ analysis: RolloutAnalysis) -> String {
        var limits: [String] = []
        if let max = analysis.errorRate?.maxPercent { limits.append("5xx share ≤ \(UpstreamFigures.format(max))%") }
        if let points = analysis.errorRate?.maxPointsAboveStable { limits.append("5xx share ≤ stable's + \(UpstreamFigures.format(points)) points") }
        if let milliseconds = analysis.p99Latency?.maxMilliseconds { limits.append("p99 ≤ \(milliseconds) ms") }
        if let ratio = analysis.p99Latency?.maxRatioToStable { limits.append("p99 ≤ \(UpstreamFigures.format(ratio)) × stable's") }
        return "the new version's \(limits.joined(separator: ", ")) over \(analysis.effectiveWindowSeconds) s with at least \(analysis.effectiveMinimumRequests) requests to it; a breach at any step (pauses included) aborts"
    }
}
