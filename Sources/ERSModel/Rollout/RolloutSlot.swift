/// One of the two places a blue-green or canary service runs in (`blue`, `green`): two
/// Deployments in Kubernetes, two addresses on a host. A release starts the new version in the
/// slot that is not active and, once promoted, makes it the active one.
public enum RolloutSlot: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The first slot (active before the first release).
    case blue
    /// The second slot.
    case green

    /// The other slot.
    public var other: RolloutSlot { self == .blue ? .green : .blue }

    /// Blue before green.
    public static func < (lhs: RolloutSlot, rhs: RolloutSlot) -> Bool { lhs == .blue && rhs == .green }
}
