public import ERSModel
public import Foundation

/// One release of one service on a host: the state file `rollouts/<service>.json`, rewritten
/// atomically after every change, so `status`, `abort` and `resume` work after the executor was
/// killed.
public struct RolloutRecord: Sendable, Hashable, Codable {
    /// A unique id of this release.
    public var id: String
    /// The service.
    public var service: String
    /// blueGreen or canary.
    public var strategy: RolloutKind
    /// The version serving before the release (the stable version).
    public var fromVersion: String
    /// The version being released.
    public var toVersion: String
    /// The slot the stable version runs in.
    public var stableSlot: RolloutSlot
    /// The ordered steps.
    public var steps: [HostStep]
    /// The step being carried out (an index into ``steps``; `steps.count` when all are done).
    public var stepIndex: Int
    /// When the current step started (wall clock: a pause's remaining time survives a restart).
    public var stepStartedAt: Date
    /// Where the release stands.
    public var phase: RolloutPhase
    /// The new version's share of traffic the gateway serves now (0–100).
    public var weight: Int
    /// Whether test routing sends matching requests to the new version now.
    public var testRouting: Bool
    /// The gateway config generation that serves now (after the last verified reload).
    public var generation: String?
    /// The last noteworthy thing: the gate's figures, why it aborted, what failed.
    public var message: String?
    /// A promotion asked for while no executor ran, taken up by the next `resume`.
    public var pendingPromotion: PromotionKind?
    /// Whether the new version was stopped after an abort.
    public var newVersionStopped: Bool
    /// The process id of the executor that last ran the release (it may have ended).
    public var executorPID: Int32?
    /// What happened so far.
    public var history: [RolloutEvent]
    /// When the release started.
    public var startedAt: Date
    /// When this record was last written.
    public var updatedAt: Date

    /// Creates the record of a release that is about to start.
    public init(id: String, service: String, strategy: RolloutKind, fromVersion: String, toVersion: String, stableSlot: RolloutSlot, steps: [HostStep], now: Date) {
        self.id = id
        self.service = service
        self.strategy = strategy
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.stableSlot = stableSlot
        self.steps = steps
        self.stepIndex = 0
        self.stepStartedAt = now
        self.phase = .progressing
        self.weight = 0
        self.testRouting = false
        self.generation = nil
        self.message = nil
        self.pendingPromotion = nil
        self.newVersionStopped = false
        self.executorPID = nil
        self.history = []
        self.startedAt = now
        self.updatedAt = now
    }

    /// The slot the new version runs in.
    public var newSlot: RolloutSlot { stableSlot.other }
    /// The current step, nil when all are done.
    public var currentStep: HostStep? { steps.indices.contains(stepIndex) ? steps[stepIndex] : nil }

    /// Appends an event at the current step.
    public mutating func note(_ message: String, now: Date, generation: String? = nil, weight: Int? = nil) {
        history.append(RolloutEvent(time: now, step: stepIndex, message: message, generation: generation, weight: weight))
        self.message = message
    }
}
