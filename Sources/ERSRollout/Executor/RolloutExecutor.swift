import ERSGateway
import ERSModel
import Foundation

/// Carries one release of one service out on the host, step by step, persisting its
/// ``RolloutRecord`` after every change (see ``HostRollouts`` for the commands around it).
///
/// - deploy: the spec's deploy command starts the new version in the idle slot; the step is
///   done once its health endpoint answers 200 with the expected version.
/// - setWeight: the new version must be healthy; the gateway gets the new upstream weights in
///   one verified reload; with an analysis, the step is done once the gate passed over its
///   window (and minimum sample) with the new weights.
/// - pause: waits for its duration (wall clock: it survives a restart) or for promote.
/// - scaleDown: once the gateway confirms the old version gets no traffic (no nginx worker of
///   an older config left, no request to it logged in the last second), waits the delay, then
///   stops it.
///
/// Throughout, the gate watches the access log (figures per upstream address, current config
/// generation only) and the new version's health: a breach, an unhealthy new version or an
/// operator's abort sends all traffic back to the stable version in one verified reload,
/// whatever the step, pauses and waits for promotion included.
final class RolloutExecutor {
    /// How often the executor looks at the log, the health endpoint and control requests.
    static let pollInterval: Duration = .milliseconds(200)

    let state: StateDirectory
    let gateway: HostGateway
    let spec: SystemSpec
    let service: Service
    let rollout: RolloutStrategy
    let slots: SlotRuntime
    let report: @Sendable (String) -> Void
    var record: RolloutRecord
    var window: TrafficWindow
    let log: AccessLogTail
    /// When the current config generation was seen serving (the start of a gate's window).
    var servingSince: ContinuousClock.Instant = .now
    var lastHealthCheck: ContinuousClock.Instant = .now
    var lastProgress: ContinuousClock.Instant = .now

    /// An executor for `record`, rendering the gateway from `gatewayState`.
    /// - Throws: ``RolloutError/unknownService(_:known:)`` or
    ///   ``RolloutError/notReleasable(service:reason:)`` when the spec no longer fits the record.
    init(state: StateDirectory, gatewayState: HostGatewayState, record: RolloutRecord, report: @escaping @Sendable (String) -> Void) throws(RolloutError) {
        let spec = gatewayState.spec
        guard let service = spec.service(named: record.service) else {
            throw .unknownService(record.service, known: spec.services.map(\.name))
        }
        guard let rollout = service.rollout, let host = rollout.host else {
            throw .notReleasable(service: service.name, reason: "it has no rollout.host (slots and deploy/stop commands)")
        }
        self.state = state
        self.gateway = HostGateway(settings: gatewayState.settings)
        self.spec = spec
        self.service = service
        self.rollout = rollout
        self.slots = SlotRuntime(spec: spec, service: service, host: host, state: state)
        self.report = report
        self.record = record
        let upstreams = spec.gateway.routes.filter { $0.service == service.name }.map { GatewayUpstream.name(service: $0.service, port: $0.port) }
            + (spec.gateway.auth.service == service.name ? [GatewayUpstream.name(service: service.name, port: spec.gateway.auth.port)] : [])
        self.window = TrafficWindow(upstreams: Set(upstreams + upstreams.map(GatewayTestRoute.upstreamName(of:))))
        self.log = AccessLogTail(path: gatewayState.settings.paths.accessLog)
    }

    /// The host settings of the service.
    var host: HostRollout { slots.host }
    /// The address of the new version.
    var newAddress: String { host.address(of: record.newSlot) }
    /// The address of the stable version.
    var stableAddress: String { host.address(of: record.stableSlot) }
    /// The window of the gate.
    var windowDuration: Duration { .seconds(rollout.analysis?.effectiveWindowSeconds ?? RolloutAnalysis.defaultWindowSeconds) }

    /// Saves the record (stamped now).
    func save() throws(RolloutError) {
        record.updatedAt = Date()
        try state.write(record)
    }

    /// Notes an event, saves, and reports it.
    func note(_ message: String, generation: String? = nil, weight: Int? = nil) throws(RolloutError) {
        record.note(message, now: Date(), generation: generation, weight: weight)
        try save()
        report("\(service.name): \(message)")
    }

    /// Moves on to the next step.
    func advance() throws(RolloutError) {
        record.stepIndex += 1
        record.stepStartedAt = Date()
        record.phase = .progressing
        try save()
    }

    /// Runs the release from its current step to the end (completed, aborted or failed).
    /// - Returns: the final record.
    /// - Throws: the error that stopped it; the record says `failed` and what serves.
    func run() async throws(RolloutError) -> RolloutRecord {
        record.executorPID = getpid()
        try save()
        do {
            while !record.phase.isTerminal {
                guard let step = record.currentStep else {
                    try complete()
                    break
                }
                try await perform(step)
            }
        } catch {
            if !record.phase.isTerminal {
                record.phase = .failed
                try? note("failed at \(record.currentStep?.summary ?? "the end"): \(error); the gateway serves generation \(gateway.servingGeneration() ?? "unknown") with \(record.weight)% to \(record.toVersion)")
            }
            throw error
        }
        return record
    }

    /// Marks the release completed: the new version is the stable one.
    func complete() throws(RolloutError) {
        record.phase = .completed
        record.pendingPromotion = nil
        try note("completed: \(record.toVersion) serves all traffic from slot \(record.newSlot.rawValue)")
    }
}
