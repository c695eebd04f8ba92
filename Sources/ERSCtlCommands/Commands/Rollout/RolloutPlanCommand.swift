import ArgumentParser
import ERSRollout
import Foundation

/// `ersctl rollout plan SERVICE --to VERSION ENV_FILE`: the steps of a release, nothing done.
struct RolloutPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the ordered steps of a release, their gates and the rollback, without doing anything.",
        discussion: "For the host executor: the weights, reloads and commands of each step. For Kubernetes: the commands and patches of each step."
    )

    @Argument(help: "The service to release.")
    var service: String

    @Option(help: "The version (image tag) to release.")
    var to: String

    @Argument(help: "The environment spec, e.g. environments/production.yaml.")
    var envFile: String

    @OptionGroup var state: StateDirectoryOption

    func run() throws {
        let spec = try RolloutSupport.loadSpec(envFile)
        let traffic = (try? state.directory.gatewayState())?.traffic[service]
        do {
            let plan = try RolloutPlan(spec: spec, service: service, version: to, traffic: traffic)
            FileHandle.standardOutput.write(Data(plan.text.utf8))
        } catch {
            throw RolloutSupport.fail(error)
        }
    }
}
