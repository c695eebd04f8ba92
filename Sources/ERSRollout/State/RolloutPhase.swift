/// Where a release stands (`phase` in the state file).
public enum RolloutPhase: String, Sendable, Hashable, Codable, CaseIterable {
    /// Working through its steps (deploying, shifting weight, judging a gate, scaling down).
    case progressing
    /// In a `pause` step: waiting for its duration or for `ersctl rollout promote`.
    case paused
    /// Done: the new version takes all traffic and the old one is stopped.
    case completed
    /// Aborted (a breached gate, an unhealthy new version, or `ersctl rollout abort`): all
    /// traffic is on the stable version.
    case aborted
    /// Stopped by an error it could not recover from; `message` says what and what serves.
    case failed

    /// Whether the release is over (a new one may start).
    public var isTerminal: Bool { self == .completed || self == .aborted || self == .failed }
}
