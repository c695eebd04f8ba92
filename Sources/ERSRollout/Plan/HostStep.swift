/// One step of a release on a single host, as the executor carries it out and records it in the
/// state file (Argo Rollouts terms where they exist).
public enum HostStep: Sendable, Hashable, Codable {
    /// Start the new version in the idle slot with the spec's deploy command and wait until its
    /// health endpoint answers 200 with the expected version.
    case deploy
    /// Blue-green preview: requests matching `testRouting` reach the new slot (one verified
    /// reload); all other traffic stays on the active slot.
    case preview
    /// Send `percent` (0–100) of the traffic to the new version (upstream weights, `down` for a
    /// version with none; one verified reload), then judge the analysis gate over its window.
    /// A blue-green switch is `setWeight(100)`.
    case setWeight(Int)
    /// Hold the current weight for `seconds`, or until `ersctl rollout promote` when nil,
    /// while the gate keeps watching. A blue-green wait for promotion is a pause.
    case pause(seconds: Int?)
    /// Once the gateway confirms the old version gets no traffic, wait `delaySeconds` (the gate
    /// still watching), then stop the old version with the spec's stop command.
    case scaleDown(delaySeconds: Int)

    /// One line for plans and status: `setWeight 25`, `pause 300 s`, `pause until promoted`.
    public var summary: String {
        switch self {
        case .deploy: "deploy the new version"
        case .preview: "preview (test routing to the new version)"
        case .setWeight(let percent): "setWeight \(percent)"
        case .pause(let seconds?): "pause \(seconds) s"
        case .pause(nil): "pause until promoted"
        case .scaleDown(let delay): "scale down the old version (after no traffic + \(delay) s)"
        }
    }

    /// The weight this step sets, if it sets one.
    public var weight: Int? {
        if case .setWeight(let percent) = self { return percent }
        return nil
    }
}
