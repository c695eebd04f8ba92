public import Foundation

/// One entry of a release's history in the state file: what happened, when, at which step.
public struct RolloutEvent: Sendable, Hashable, Codable {
    /// Wall-clock time.
    public var time: Date
    /// Index of the step (into ``RolloutRecord/steps``) it happened in.
    public var step: Int
    /// What happened, e.g. `setWeight 25 serving (generation 3f2a…)`.
    public var message: String
    /// The gateway config generation serving after the event, when it changed the gateway.
    public var generation: String?
    /// The new version's weight serving after the event, when it changed the gateway.
    public var weight: Int?

    /// Creates an event.
    public init(time: Date, step: Int, message: String, generation: String? = nil, weight: Int? = nil) {
        self.time = time
        self.step = step
        self.message = message
        self.generation = generation
        self.weight = weight
    }
}
