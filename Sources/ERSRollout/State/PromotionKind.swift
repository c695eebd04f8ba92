/// What `ersctl rollout promote` asks for (Argo Rollouts terms).
public enum PromotionKind: String, Sendable, Hashable, Codable {
    /// Skip the current pause or gate wait and go on with the next step.
    case step
    /// `--full`: skip every remaining step, pause and gate: 100% to the new version now.
    case full
}
