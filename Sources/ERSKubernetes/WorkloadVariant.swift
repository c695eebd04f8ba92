import ERSModel

/// One Deployment of a service: the plain one (named after the service), a blue-green slot
/// (`<service>-blue`, `<service>-green`) or a canary track (`<service>-stable`,
/// `<service>-canary`). A slot or track label is part of both the pod labels and the selector
/// from the first render on, so switching traffic never needs a selector change (selectors are
/// immutable).
struct WorkloadVariant: Sendable {
    /// The Deployment's name.
    var name: String
    /// Its labels; ``ComponentLabels/selector`` is the Deployment's selector.
    var labels: ComponentLabels
    /// `spec.replicas`; nil leaves it to a HorizontalPodAutoscaler.
    var replicas: Int?

    /// The label telling blue-green slots apart (`blue`, `green`).
    static let slotLabel = "ers.rollout/slot"
    /// The label telling canary tracks apart (`stable`, `canary`).
    static let trackLabel = "ers.rollout/track"

    /// The replica count the spec asks for: nil with autoscaling, else `replicas` (default 1).
    static func specReplicas(of service: Service) -> Int? {
        service.autoscaling == nil ? service.replicas ?? 1 : nil
    }

    /// The plain Deployment of a rolling service.
    static func plain(of service: Service, labels: ComponentLabels) -> WorkloadVariant {
        WorkloadVariant(name: service.name, labels: labels, replicas: specReplicas(of: service))
    }

    /// The Deployment of blue-green `slot`: the spec's replicas when it is the active slot,
    /// else 0 (the release plan scales it up with the new version).
    static func slot(_ slot: RolloutSlot, of service: Service, labels: ComponentLabels, active: RolloutSlot) -> WorkloadVariant {
        WorkloadVariant(
            name: "\(service.name)-\(slot.rawValue)", labels: labels.adding(slotLabel, slot.rawValue),
            replicas: slot == active ? specReplicas(of: service) : 0)
    }

    /// The Deployment of canary `track` (`stable` or `canary`): the spec's replicas for stable,
    /// 0 for canary (the release plan scales it per step).
    static func track(_ track: String, of service: Service, labels: ComponentLabels) -> WorkloadVariant {
        WorkloadVariant(
            name: "\(service.name)-\(track)", labels: labels.adding(trackLabel, track),
            replicas: track == "stable" ? specReplicas(of: service) : 0)
    }
}
