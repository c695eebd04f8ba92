import ArgumentParser
import ERSRollout
import Foundation

/// `ersctl rollout promote SERVICE [--full]`.
struct RolloutPromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Skip the current pause or gate wait (--full: every remaining step, 100% to the new version).",
        discussion: "With a running executor it takes the promotion up and this command returns; without one, this command continues the release in the foreground."
    )

    @Argument(help: "The service.")
    var service: String

    @Flag(help: "Skip every remaining step, pause and gate: all traffic to the new version now.")
    var full = false

    @OptionGroup var state: StateDirectoryOption

    func run() async throws {
        let record: RolloutRecord
        do {
            record = try await HostRollouts(state: state.directory, report: RolloutSupport.report).promote(service, full: full)
        } catch {
            throw RolloutSupport.fail(error)
        }
        RolloutSupport.report("\(service): \(record.phase.rawValue), step \(record.stepIndex + 1) of \(record.steps.count)")
        throw RolloutSupport.exitCode(of: record)
    }
}

/// `ersctl rollout abort SERVICE`.
struct RolloutAbortCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abort",
        abstract: "All traffic back to the stable version in one verified reload; then stop the new version.",
        discussion: "Works with a running executor (it aborts) and without one (this command aborts). Exits 0 once 100% is on the stable version."
    )

    @Argument(help: "The service.")
    var service: String

    @OptionGroup var state: StateDirectoryOption

    func run() async throws {
        let record: RolloutRecord
        do {
            record = try await HostRollouts(state: state.directory, report: RolloutSupport.report).abort(service)
        } catch {
            throw RolloutSupport.fail(error)
        }
        RolloutSupport.report("\(service): \(record.phase.rawValue): \(record.weight)% to \(record.toVersion), \(100 - record.weight)% to \(record.fromVersion)")
        if record.phase == .failed { throw ExitCodes.rolloutFailed }
    }
}

/// `ersctl rollout resume SERVICE`.
struct RolloutResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a release whose executor ended (killed, host restarted) at its recorded step.",
        discussion: "Re-applies the current step's weights (no reload when they already serve), restarts its gate window, and runs to the end."
    )

    @Argument(help: "The service.")
    var service: String

    @OptionGroup var state: StateDirectoryOption

    func run() async throws {
        let record: RolloutRecord
        do {
            record = try await HostRollouts(state: state.directory, report: RolloutSupport.report).resume(service)
        } catch {
            throw RolloutSupport.fail(error)
        }
        throw RolloutSupport.exitCode(of: record)
    }
}
