import ERSModel
import Foundation

extension RolloutExecutor {
    /// Waits until the gate passes (`gate`), `deadline` comes, or something ends the wait;
    /// meanwhile reads the access log, judges the gate, checks the new version's health every
    /// 2 s and takes up control requests (promotions only when `promotions`).
    func watch(gate: Bool, until deadline: ContinuousClock.Instant?, promotions: Bool = true) async throws(RolloutError) -> WatchOutcome {
        while true {
            if let ended = try takeRequest(promotions: promotions) { return ended }
            let now = ContinuousClock.now
            feedWindow(now: now)
            if now - lastHealthCheck >= .seconds(2), record.weight > 0 || record.testRouting {
                lastHealthCheck = now
                if let problem = slots.check(record.newSlot, version: record.toVersion) {
                    return .abort("the new version became unhealthy at \(record.currentStep?.summary ?? "the end"): \(problem)")
                }
            }
            if let analysis = rollout.analysis, record.weight > 0 || record.testRouting, let generation = record.generation {
                let judgement = GateJudgement(
                    analysis: analysis,
                    new: window.figures(of: newAddress, generation: generation, window: windowDuration, now: now),
                    stable: window.figures(of: stableAddress, generation: generation, window: windowDuration, now: now))
                switch judgement.outcome {
                case .breach(let why):
                    return .abort("gate breached at \(record.currentStep?.summary ?? "the end") (\(record.weight)%): \(why) over the last \(analysis.effectiveWindowSeconds) s")
                case .pass where gate && now - servingSince >= windowDuration:
                    record.message = "gate passed: \(judgement.summary)"
                    return .passed
                case .pass, .insufficient:
                    if now - lastProgress >= .seconds(2) {
                        lastProgress = now
                        record.message = "\(record.currentStep?.summary ?? "step"): \(judgement.summary)\(waitingNote(judgement))"
                        try save()
                    }
                }
            } else if gate {
                return .passed
            }
            if let deadline, now >= deadline { return .elapsed }
            try? await Task.sleep(for: Self.pollInterval)
        }
    }

    /// Why a gated step still waits.
    private func waitingNote(_ judgement: GateJudgement) -> String {
        if case .insufficient(let why) = judgement.outcome { return " (waiting: \(why))" }
        return ""
    }

    /// A control request or pending promotion that ends the current wait, if any.
    func takeRequest(promotions: Bool) throws(RolloutError) -> WatchOutcome? {
        if promotions, let pending = record.pendingPromotion {
            if pending == .step {
                record.pendingPromotion = nil
                try save()
            }
            return .promoted(pending)
        }
        guard let request = state.request(of: service.name) else { return nil }
        switch request.action {
        case .abort:
            state.clearRequest(of: service.name)
            return .abort("aborted by the operator at \(record.currentStep?.summary ?? "the end")")
        case .promote, .promoteFull:
            guard promotions else { return nil }
            state.clearRequest(of: service.name)
            if request.action == .promoteFull {
                record.pendingPromotion = .full
                try save()
                return .promoted(.full)
            }
            return .promoted(.step)
        }
    }

    /// Reads new access log lines into the window.
    func feedWindow(now: ContinuousClock.Instant) {
        window.add(log.read(), now: now, keep: windowDuration + .seconds(5))
    }

    /// Waits until the gateway confirms `slot` gets no traffic: no worker of an older config
    /// is still shutting down (where `/proc` tells) and no request to it was logged in the last
    /// second. Control requests are taken up meanwhile (`honourRequests`).
    /// - Returns: ``WatchOutcome/elapsed`` once confirmed, or what ended the wait.
    func waitUntilNoTraffic(to slot: RolloutSlot, honourRequests: Bool = true) async throws(RolloutError) -> WatchOutcome {
        let address = host.address(of: slot)
        let start = ContinuousClock.now
        var lastNote = start
        while true {
            if honourRequests, let ended = try takeRequest(promotions: false) { return ended }
            let now = ContinuousClock.now
            feedWindow(now: now)
            let quiet = window.lastSeen[address].map { now - $0 >= .seconds(1) } ?? (now - start >= .seconds(1))
            let shuttingDown = gateway.workersShuttingDown()
            if quiet, shuttingDown ?? 0 == 0 {
                return .elapsed
            }
            if now - lastNote >= .seconds(30) {
                lastNote = now
                try note("waiting for the gateway to send nothing more to slot \(slot.rawValue) (\(shuttingDown.map { "\($0) old nginx workers still finishing requests" } ?? "requests still logged"))")
            }
            try? await Task.sleep(for: Self.pollInterval)
        }
    }
}
