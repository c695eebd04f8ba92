import ArgumentParser
import ERSRollout
import Foundation

/// `ersctl rollout status SERVICE`: where the release stands.
struct RolloutStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the release of a service: phase, step, traffic split, gate figures, executor.",
        discussion: "Reads the state file only: works while an executor runs and after it was killed. --format json prints the state file's record."
    )

    @Argument(help: "The service.")
    var service: String

    @OptionGroup var state: StateDirectoryOption

    @Option(help: "text or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let status: HostRollouts.Status
        do {
            status = try HostRollouts(state: state.directory, report: RolloutSupport.report).status(of: service)
        } catch {
            throw RolloutSupport.fail(error)
        }
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(status.text.utf8))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let data = (try? encoder.encode(status.record)) ?? Data()
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}
