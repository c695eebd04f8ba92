import ERSModel
import Foundation

extension RolloutExecutor {
    /// Sends `weight` percent to the new version (test routing on or off) in one verified
    /// reload, under the gateway lock, and records it. Nothing is reloaded when that config
    /// already serves.
    func applyTraffic(weight: Int, testRouting: Bool) async throws(RolloutError) {
        let lock = try await FileLock.lock(state.gatewayLock, timeoutSeconds: 60)
        defer { lock.release() }
        guard var gatewayState = try state.gatewayState() else {
            throw .stateFile(path: state.gatewayFile.path, reason: "the gateway state is gone; start the release again")
        }
        gatewayState.traffic[service.name] = ServiceTraffic(
            stableSlot: record.stableSlot, stableVersion: record.fromVersion, newWeight: weight, testRouting: testRouting)
        let config = try gateway.render(gatewayState.spec, traffic: gatewayState.traffic)
        let reloaded = try await gateway.apply(config)
        try state.write(gatewayState)
        if reloaded || record.generation != config.generation {
            servingSince = .now
        }
        record.weight = weight
        record.testRouting = testRouting
        record.generation = config.generation
        let routing = testRouting ? ", test routing to \(record.toVersion)" : ""
        try note(
            "\(weight)% to \(record.toVersion) (\(record.newSlot.rawValue)), \(100 - weight)% to \(record.fromVersion) (\(record.stableSlot.rawValue))\(routing); "
                + (reloaded ? "reloaded, generation \(config.generation) serving" : "generation \(config.generation) already serving"),
            generation: config.generation, weight: weight)
    }

    /// Aborts: all traffic to the stable version in one verified reload (none when it already
    /// has it), then, once the gateway sends nothing to the new version, stops it.
    /// - Throws: when the reload fails: the record says `failed` and what serves.
    func abort(reason: String) async throws(RolloutError) {
        report("\(service.name): aborting: \(reason)")
        record.message = "aborting: \(reason)"
        try save()
        do {
            try await applyTraffic(weight: 0, testRouting: false)
        } catch {
            record.phase = .failed
            try note("abort failed: \(error); the gateway serves generation \(gateway.servingGeneration() ?? "unknown")")
            throw error
        }
        record.phase = .aborted
        record.pendingPromotion = nil
        try note("aborted: \(reason); 100% to \(record.fromVersion) in slot \(record.stableSlot.rawValue)", generation: record.generation, weight: 0)
        state.clearRequest(of: service.name)
        if case .elapsed = try await waitUntilNoTraffic(to: record.newSlot, honourRequests: false) {
            do {
                try await slots.run(stopping: true, slot: record.newSlot, version: record.toVersion)
                record.newVersionStopped = true
                try note("stopped \(record.toVersion) in slot \(record.newSlot.rawValue); aborted: \(reason)")
                record.message = "aborted: \(reason)"
                try save()
            } catch {
                try note("aborted: \(reason); stopping \(record.toVersion) failed: \(error)")
            }
        }
    }
}
