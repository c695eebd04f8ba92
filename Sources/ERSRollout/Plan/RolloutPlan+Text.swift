extension RolloutPlan {
    /// The plan as printed by `ersctl rollout plan` (host part when there is one, then the
    /// Kubernetes part).
    public var text: String {
        var lines = ["Release of \(service): \(fromVersion) -> \(toVersion) (\(strategy.rawValue))"]
        lines.append("Gate: \(gate ?? "none (steps are gated on health only); add rollout.analysis")")
        if let hostSteps, let hostRollback {
            lines.append("")
            lines.append("Host (ersctl rollout start, behind the nginx gateway):")
            lines += Self.lines(of: hostSteps)
            lines.append("  rollback: \(hostRollback)")
        } else {
            lines.append("")
            lines.append("Host: not available (the service has no rollout.host)")
        }
        lines.append("")
        lines.append("Kubernetes (on the objects `ersctl render` writes):")
        lines += Self.lines(of: kubernetesSteps)
        lines.append("  rollback: \(kubernetesRollback)")
        lines.append("  afterwards: \(afterwards)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func lines(of steps: [Step]) -> [String] {
        var lines: [String] = []
        for (index, step) in steps.enumerated() {
            lines.append("  \(index + 1). \(step.title)")
            for action in step.actions { lines.append("       \(action)") }
            if let gate = step.gate { lines.append("       gate: \(gate)") }
        }
        return lines
    }
}
