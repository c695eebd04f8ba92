/// One canary step (`rollout.canary.steps[]`): exactly one of `setWeight` and `pause`.
public struct CanaryStep: Sendable, Hashable, Codable {
    /// Percent of traffic (0–100) sent to the new version. The step counts as done once the
    /// gateway serves the new weights and the analysis gate passed over its window.
    public var setWeight: Int?
    /// A pause at the current weight; the analysis gate keeps watching during it.
    public var pause: CanaryPause?

    /// Creates a step.
    public init(setWeight: Int? = nil, pause: CanaryPause? = nil) {
        self.setWeight = setWeight
        self.pause = pause
    }

    /// A `setWeight` step.
    public static func weight(_ percent: Int) -> CanaryStep { CanaryStep(setWeight: percent) }
    /// A `pause` step of `seconds`, or until promoted when nil.
    public static func pause(seconds: Int?) -> CanaryStep { CanaryStep(pause: CanaryPause(durationSeconds: seconds)) }
}
