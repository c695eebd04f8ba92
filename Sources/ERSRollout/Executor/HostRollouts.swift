public import ERSModel
import Foundation

/// The `ersctl rollout start|status|promote|abort|resume` commands on a host: who may act on a
/// release, and how a command reaches a running executor.
///
/// One executor at a time per service holds `rollouts/<service>.lock` (a `flock`, released
/// when its process ends, SIGKILL included). `promote` and `abort` while it runs leave a
/// ``ControlRequest`` it takes up; without a running executor, `abort` restores 100% stable
/// itself and `promote` records the promotion and continues the release in the foreground,
/// like `resume`.
public struct HostRollouts: Sendable {
    /// The state directory.
    public var state: StateDirectory
    /// Where progress lines go.
    public var report: @Sendable (String) -> Void

    /// Creates the commands on `state`.
    public init(state: StateDirectory, report: @escaping @Sendable (String) -> Void) {
        self.state = state
        self.report = report
    }

    /// What `status` shows.
    public struct Status: Sendable {
        /// The release.
        public var record: RolloutRecord
        /// Whether an executor runs it now.
        public var executorRunning: Bool
    }

    /// Starts a release of `serviceName` to `version` and runs it to its end.
    /// - Parameters:
    ///   - spec: the validated spec (it becomes the one the gateway is rendered from).
    ///   - settings: where nginx runs; required for the first release in this state directory,
    ///     else the recorded settings are kept when nil.
    ///   - supersede: abort a release of the service in progress first, instead of refusing.
    /// - Returns: the final record (completed or aborted).
    /// - Throws: ``RolloutError``; `inProgress` when another release runs and `supersede` is off.
    public func start(spec: SystemSpec, service serviceName: String, version: String, settings: HostGatewaySettings?, supersede: Bool) async throws(RolloutError) -> RolloutRecord {
        guard let service = spec.service(named: serviceName) else {
            throw .unknownService(serviceName, known: spec.services.map(\.name))
        }
        guard let rollout = service.rollout, let steps = hostSteps(of: rollout) else {
            throw .notReleasable(service: serviceName, reason: "its rollout strategy is rolling; set rollout.strategy to blueGreen or canary")
        }
        guard rollout.host != nil else {
            throw .notReleasable(service: serviceName, reason: "it has no rollout.host (slot addresses and deploy/stop commands)")
        }
        try state.prepare()
        let lock = try await executorLock(for: serviceName, supersede: supersede)
        defer { lock.release() }
        if let existing = try state.record(of: serviceName), !existing.phase.isTerminal {
            guard supersede else {
                throw .inProgress(service: serviceName, phase: existing.phase, step: existing.currentStep?.summary ?? "-", executorRunning: false)
            }
            report("\(serviceName): superseding the release of \(existing.toVersion)")
            let gatewayState = try requireGatewayState()
            let executor = try RolloutExecutor(state: state, gatewayState: gatewayState, record: existing, report: report)
            try await executor.abort(reason: "superseded by a release of \(version)")
        }
        state.clearRequest(of: serviceName)
        let gatewayState = try await prepareGateway(spec: spec, settings: settings)
        let gateway = HostGateway(settings: gatewayState.settings)
        guard gateway.isRunning() else {
            let settings = gatewayState.settings
            throw .nginxNotRunning(pidFile: settings.paths.pidFile, command: "\(settings.nginxBinary) -p \(settings.prefix) -c \(settings.configFile)")
        }
        guard gateway.servingGeneration() != nil else {
            throw .http(url: gateway.healthURL, reason: "the gateway does not answer with its config generation; check --gateway-url and that nginx runs the config rendered by ersctl")
        }
        let traffic = gatewayState.traffic[serviceName] ?? ServiceTraffic(stableSlot: .blue, stableVersion: nil)
        let fromVersion = traffic.stableVersion ?? service.image.tag ?? spec.images.tag
        guard fromVersion != version else {
            throw .notReleasable(service: serviceName, reason: "version \(version) already serves; give --to a new version")
        }
        let record = RolloutRecord(
            id: UUID().uuidString.lowercased(), service: serviceName, strategy: rollout.strategy, fromVersion: fromVersion, toVersion: version,
            stableSlot: traffic.stableSlot, steps: steps, now: Date())
        try state.write(record)
        report("\(serviceName): \(rollout.strategy.rawValue) release \(fromVersion) -> \(version): \(steps.map(\.summary).joined(separator: ", "))")
        return try await RolloutExecutor(state: state, gatewayState: gatewayState, record: record, report: report).run()
    }

    /// The release of `service` and whether an executor runs it.
    /// - Throws: ``RolloutError/noRollout(service:stateDirectory:)`` when none is recorded.
    public func status(of service: String) throws(RolloutError) -> Status {
        guard let record = try state.record(of: service) else { throw .noRollout(service: service, stateDirectory: state.url.path) }
        return Status(record: record, executorRunning: try isExecutorRunning(service))
    }

    /// Continues a release whose executor ended (killed, host restarted) at its current step.
    /// - Throws: `executorRunning` when one still runs, `finished` when the release is over.
    public func resume(_ service: String) async throws(RolloutError) -> RolloutRecord {
        guard let lock = try FileLock.tryLock(state.executorLock(service)) else { throw .executorRunning(service: service) }
        defer { lock.release() }
        let record = try inProgressRecord(service)
        report("\(service): resuming at step \(record.stepIndex + 1) of \(record.steps.count): \(record.currentStep?.summary ?? "-")")
        return try await RolloutExecutor(state: state, gatewayState: try requireGatewayState(), record: record, report: report).run()
    }

    /// Aborts the release of `service`: through its running executor, or here when none runs.
    /// - Returns: the record once all traffic is on the stable version.
    public func abort(_ service: String) async throws(RolloutError) -> RolloutRecord {
        guard let lock = try FileLock.tryLock(state.executorLock(service)) else {
            try state.post(ControlRequest(service: service, action: .abort, time: Date()))
            return try await waitForRecord(service, action: "abort") { $0.phase.isTerminal }
        }
        defer { lock.release() }
        let record = try inProgressRecord(service)
        let executor = try RolloutExecutor(state: state, gatewayState: try requireGatewayState(), record: record, report: report)
        try await executor.abort(reason: "aborted by the operator at \(record.currentStep?.summary ?? "the end") (no executor was running)")
        return executor.record
    }

    /// Promotes the release of `service` (`full`: skip every remaining step): through its
    /// running executor, or by recording it and continuing the release here.
    public func promote(_ service: String, full: Bool) async throws(RolloutError) -> RolloutRecord {
        guard let lock = try FileLock.tryLock(state.executorLock(service)) else {
            let before = try inProgressRecord(service)
            try state.post(ControlRequest(service: service, action: full ? .promoteFull : .promote, time: Date()))
            return try await waitForRecord(service, action: "promote") { record in
                record.stepIndex != before.stepIndex || record.phase.isTerminal || record.steps != before.steps
            }
        }
        var record = try inProgressRecord(service)
        record.pendingPromotion = full ? .full : .step
        try state.write(record)
        lock.release()
        report("\(service): promotion recorded; continuing the release here")
        return try await resume(service)
    }

    /// Whether an executor holds the lock of `service`.
    public func isExecutorRunning(_ service: String) throws(RolloutError) -> Bool {
        guard FileManager.default.fileExists(atPath: state.executorLock(service)) else { return false }
        guard let lock = try FileLock.tryLock(state.executorLock(service)) else { return true }
        lock.release()
        return false
    }

    // MARK: - Helpers

    private func inProgressRecord(_ service: String) throws(RolloutError) -> RolloutRecord {
        guard let record = try state.record(of: service) else { throw .noRollout(service: service, stateDirectory: state.url.path) }
        guard !record.phase.isTerminal else { throw .finished(service: service, phase: record.phase) }
        return record
    }

    private func requireGatewayState() throws(RolloutError) -> HostGatewayState {
        guard let gatewayState = try state.gatewayState() else {
            throw .stateFile(path: state.gatewayFile.path, reason: "missing; the first `ersctl rollout start` creates it")
        }
        return gatewayState
    }

    /// The executor lock of `service`; with `supersede`, a running executor is asked to abort
    /// and waited for.
    private func executorLock(for service: String, supersede: Bool) async throws(RolloutError) -> FileLock {
        if let lock = try FileLock.tryLock(state.executorLock(service)) { return lock }
        guard supersede else {
            let record = try state.record(of: service)
            throw .inProgress(
                service: service, phase: record?.phase ?? .progressing, step: record?.currentStep?.summary ?? "-", executorRunning: true)
        }
        report("\(service): asking the running executor to abort (superseded)")
        try state.post(ControlRequest(service: service, action: .abort, time: Date()))
        return try await FileLock.lock(state.executorLock(service), timeoutSeconds: 120)
    }

    /// The gateway state with `spec` and `settings` (created on the first release), every
    /// service with a `rollout.host` in it.
    private func prepareGateway(spec: SystemSpec, settings: HostGatewaySettings?) async throws(RolloutError) -> HostGatewayState {
        let lock = try await FileLock.lock(state.gatewayLock, timeoutSeconds: 60)
        defer { lock.release() }
        var gatewayState: HostGatewayState
        if var existing = try state.gatewayState() {
            existing.spec = spec
            if let settings { existing.settings = settings }
            for (name, traffic) in HostGatewayState.initial(spec: spec, settings: existing.settings).traffic where existing.traffic[name] == nil {
                existing.traffic[name] = traffic
            }
            gatewayState = existing
        } else {
            guard let settings else {
                throw .stateFile(path: state.gatewayFile.path, reason: "no gateway is recorded yet; give --nginx-prefix, --nginx-conf and --gateway-url")
            }
            gatewayState = .initial(spec: spec, settings: settings)
        }
        try state.write(gatewayState)
        return gatewayState
    }

    /// Waits (at most 60 s) until the record of `service` satisfies `done`.
    private func waitForRecord(_ service: String, action: String, until done: (RolloutRecord) -> Bool) async throws(RolloutError) -> RolloutRecord {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let record = try state.record(of: service), done(record), state.request(of: service) == nil { return record }
            try? await Task.sleep(for: .milliseconds(100))
        }
        throw .requestTimeout(service: service, action: action)
    }
}
