import Foundation

extension HostRollouts.Status {
    /// What `ersctl rollout status` prints: the release, its step, the split, the executor and
    /// what to do next.
    public var text: String {
        let record = record
        var lines = ["\(record.service): \(record.strategy.rawValue) \(record.fromVersion) -> \(record.toVersion): \(record.phase.rawValue)"]
        if let step = record.currentStep {
            var line = "  step \(record.stepIndex + 1) of \(record.steps.count): \(step.summary)"
            if case .pause(let seconds?) = step, record.phase == .paused {
                let left = max(0, Int(record.stepStartedAt.addingTimeInterval(Double(seconds)).timeIntervalSinceNow.rounded()))
                line += " (\(left) s left)"
            }
            lines.append(line)
        }
        lines.append("  traffic: \(record.weight)% to \(record.toVersion) (slot \(record.newSlot.rawValue)), \(100 - record.weight)% to \(record.fromVersion) (slot \(record.stableSlot.rawValue))\(record.testRouting ? "; test routing to \(record.toVersion)" : "")")
        if let generation = record.generation { lines.append("  gateway config generation: \(generation)") }
        if let message = record.message { lines.append("  last: \(message)") }
        let pid = record.executorPID.map { " (pid \($0))" } ?? ""
        if executorRunning {
            lines.append("  executor: running\(pid)")
        } else if !record.phase.isTerminal {
            lines.append("  executor: not running — `ersctl rollout resume \(record.service)` continues, `ersctl rollout abort \(record.service)` restores 100% \(record.fromVersion)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
