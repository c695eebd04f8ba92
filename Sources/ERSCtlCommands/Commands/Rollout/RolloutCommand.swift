import ArgumentParser

/// `ersctl rollout plan|start|status|promote|abort|resume`: blue-green and canary releases
/// (docs/rollouts.md).
struct RolloutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollout",
        abstract: "Plan and carry out blue-green and canary releases.",
        discussion: """
            `plan` prints the steps of a release for the host executor and for Kubernetes. \
            `start` runs a release on a single host behind the rendered nginx gateway; `status`, \
            `promote`, `abort` and `resume` act on it, also after the executor was killed. \
            Exit codes: 0 done; 1 spec errors; 5 the release was aborted; 6 refused (another \
            release in progress, an executor running, nothing to act on); 7 the release failed.
            """,
        subcommands: [
            RolloutPlanCommand.self, RolloutStartCommand.self, RolloutStatusCommand.self, RolloutPromoteCommand.self,
            RolloutAbortCommand.self, RolloutResumeCommand.self,
        ]
    )
}
