import ERSModel
import Foundation

extension RolloutExecutor {
    /// Carries out `step` (see the type's documentation).
    func perform(_ step: HostStep) async throws(RolloutError) {
        switch step {
        case .deploy:
            try await deploy()
        case .preview:
            guard try await shift(weight: record.weight, testRouting: true, for: step) else { return }
            try advance()
        case .setWeight(let percent):
            if let problem = slots.check(record.newSlot, version: record.toVersion) {
                try await abort(reason: "the new version is not healthy before setWeight \(percent): \(problem)")
                return
            }
            guard try await shift(weight: percent, testRouting: percent < 100 && rollout.testRouting != nil, for: step) else { return }
            let gated = rollout.analysis != nil && percent > 0
            let outcome = try await watch(gate: gated, until: nil)
            try await settle(outcome, passed: gated ? "setWeight \(percent): gate passed" : nil)
        case .pause(let seconds):
            record.phase = .paused
            try save()
            let deadline = seconds.map { seconds -> ContinuousClock.Instant in
                let remaining = record.stepStartedAt.addingTimeInterval(Double(seconds)).timeIntervalSinceNow
                return .now + .milliseconds(Int(max(remaining, 0) * 1000))
            }
            report("\(service.name): \(step.summary)\(seconds == nil ? " — `ersctl rollout promote \(service.name)` continues" : "")")
            let outcome = try await watch(gate: false, until: deadline)
            try await settle(outcome, passed: nil)
        case .scaleDown(let delay):
            if record.pendingPromotion != nil {
                record.pendingPromotion = nil
                try save()
            }
            if record.weight != 100 || record.testRouting {
                guard try await shift(weight: 100, testRouting: false, for: step) else { return }
            }
            switch try await waitUntilNoTraffic(to: record.stableSlot) {
            case .elapsed: break
            case let other:
                try await settle(other, passed: nil)
                return
            }
            try note("the gateway sends nothing to \(record.fromVersion) in slot \(record.stableSlot.rawValue); stopping it in \(delay) s")
            let outcome = try await watch(gate: false, until: .now + .seconds(delay), promotions: false)
            guard case .elapsed = outcome else {
                try await settle(outcome, passed: nil)
                return
            }
            try await slots.run(stopping: true, slot: record.stableSlot, version: record.fromVersion)
            try note("stopped \(record.fromVersion) in slot \(record.stableSlot.rawValue)")
            try await finishGateway()
            try advance()
        }
    }

    /// Moves traffic for `step`; when the gateway does not take the new config (`nginx -t`
    /// refuses it, the reload fails or does not serve in time), aborts: the previous config
    /// still serves, and an abort sends everything back to the stable version.
    /// - Returns: whether the new weights serve (false: the release was aborted).
    private func shift(weight: Int, testRouting: Bool, for step: HostStep) async throws(RolloutError) -> Bool {
        do {
            try await applyTraffic(weight: weight, testRouting: testRouting)
            return true
        } catch {
            switch error {
            case .configTest, .reload, .nginxNotRunning, .render:
                try await abort(reason: "the gateway did not take \(step.summary): \(error)")
                return false
            default:
                throw error
            }
        }
    }

    /// The deploy step: start the new version (unless it already runs, after a restart) and
    /// wait until it is healthy with the expected version (an operator's abort ends the wait).
    private func deploy() async throws(RolloutError) {
        if slots.check(record.newSlot, version: record.toVersion) == nil {
            try note("\(record.toVersion) already runs healthy in slot \(record.newSlot.rawValue)")
        } else {
            let command = slots.expand(host.deploy, slot: record.newSlot, version: record.toVersion)
            try note("deploying \(record.toVersion) in slot \(record.newSlot.rawValue) (\(newAddress)): \(command.joined(separator: " "))")
            do {
                try await slots.run(stopping: false, slot: record.newSlot, version: record.toVersion)
            } catch {
                try await abort(reason: "deploy failed: \(error)")
                return
            }
            let timeout = host.startTimeoutSeconds ?? HostRollout.defaultStartTimeoutSeconds
            let deadline = ContinuousClock.now + .seconds(timeout)
            while let problem = slots.check(record.newSlot, version: record.toVersion) {
                if case .abort(let reason)? = try takeRequest(promotions: false) {
                    try await abort(reason: reason)
                    return
                }
                if ContinuousClock.now >= deadline {
                    let error = RolloutError.unhealthy(service: service.name, url: slots.healthURL(of: record.newSlot), expectedVersion: record.toVersion, last: problem)
                    try await abort(reason: "deploy failed: \(error)")
                    return
                }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        try note("\(record.toVersion) is healthy at \(slots.healthURL(of: record.newSlot))")
        try advance()
    }

    /// Acts on the outcome of a wait: next step, abort or full promotion.
    func settle(_ outcome: WatchOutcome, passed: String?) async throws(RolloutError) {
        switch outcome {
        case .passed, .elapsed:
            if let passed { try note(passed) }
            try advance()
        case .promoted(.step):
            try note("promoted: \(record.currentStep?.summary ?? "step") skipped")
            try advance()
        case .promoted(.full):
            if record.currentStep == .setWeight(100) {
                try advance()
            } else {
                try promoteFully()
            }
        case .abort(let reason):
            try await abort(reason: reason)
        }
    }

    /// `promote --full`: the remaining steps become `setWeight 100` and the scale-down, with no
    /// gate or pause on the way.
    private func promoteFully() throws(RolloutError) {
        let delay = record.steps.compactMap { step -> Int? in
            if case .scaleDown(let delay) = step { return delay }
            return nil
        }.last ?? CanaryStrategy.defaultScaleDownDelaySeconds
        record.steps = Array(record.steps.prefix(record.stepIndex + 1)) + [.setWeight(100), .scaleDown(delaySeconds: delay)]
        record.pendingPromotion = .full
        try note("fully promoted: skipping every remaining step, 100% to \(record.toVersion)")
        try advance()
    }

    /// After the old version stopped: the new slot becomes the stable one in the gateway state
    /// (the rendered config stays the same: all traffic to it, the other slot down).
    private func finishGateway() async throws(RolloutError) {
        let lock = try await FileLock.lock(state.gatewayLock, timeoutSeconds: 60)
        defer { lock.release() }
        guard var gatewayState = try state.gatewayState() else {
            throw .stateFile(path: state.gatewayFile.path, reason: "the gateway state is gone")
        }
        gatewayState.traffic[service.name] = ServiceTraffic(stableSlot: record.newSlot, stableVersion: record.toVersion)
        try state.write(gatewayState)
    }
}
