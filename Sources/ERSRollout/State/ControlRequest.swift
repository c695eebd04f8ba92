public import Foundation

/// An operator's request to a running executor (`rollouts/<service>.request`), left by
/// `ersctl rollout promote` or `abort` and taken up within a fraction of a second.
public struct ControlRequest: Sendable, Hashable, Codable {
    /// What is asked.
    public enum Action: String, Sendable, Hashable, Codable {
        /// Skip the current pause or gate wait.
        case promote
        /// Skip every remaining step: 100% to the new version.
        case promoteFull
        /// All traffic back to the stable version.
        case abort
    }

    /// The service.
    public var service: String
    /// What is asked.
    public var action: Action
    /// When it was asked.
    public var time: Date

    /// Creates a request.
    public init(service: String, action: Action, time: Date) {
        self.service = service
        self.action = action
        self.time = time
    }
}
