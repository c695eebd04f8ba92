/// A canary pause (`pause:`).
public struct CanaryPause: Sendable, Hashable, Codable {
    /// Seconds to wait; nil waits until `ersctl rollout promote`.
    public var durationSeconds: Int?

    /// Creates a pause.
    public init(durationSeconds: Int? = nil) {
        self.durationSeconds = durationSeconds
    }
}
