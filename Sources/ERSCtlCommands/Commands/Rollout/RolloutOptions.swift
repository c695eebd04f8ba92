import ArgumentParser
import ERSModel
import ERSRollout
import ERSSpec
import Foundation

/// The state directory option every executor command takes.
struct StateDirectoryOption: ParsableArguments {
    @Option(name: .customLong("state-dir"), help: "The executor's state directory (default .ersctl/rollouts; created by start).")
    var path: String = ".ersctl/rollouts"

    var directory: StateDirectory { StateDirectory(path: path) }
}

/// Shared parts of the rollout commands: loading a spec, printing progress, exit codes.
enum RolloutSupport {
    /// Loads and validates `path`; prints diagnostics; exits 1 on errors.
    static func loadSpec(_ path: String) throws -> SystemSpec {
        let loaded = SpecLoader().load(path: path)
        DiagnosticFormat.text.emit(loaded.diagnostics)
        guard let spec = loaded.spec, !loaded.hasErrors else { throw ExitCodes.specInvalid }
        return spec
    }

    /// Prints a progress line with the time (UTC, to the second) on stdout.
    @Sendable static func report(_ line: String) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withTime, .withColonSeparatorInTime]
        let text = "\(formatter.string(from: Date())) \(line)\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Prints `error` on stderr and turns it into the exit code of its kind.
    static func fail(_ error: RolloutError) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        switch error {
        case .inProgress, .noRollout, .finished, .executorRunning, .unknownService, .notReleasable: return ExitCodes.rolloutRefused
        default: return ExitCodes.rolloutFailed
        }
    }

    /// The exit code of a release that ended as `record` says.
    static func exitCode(of record: RolloutRecord) -> ExitCode {
        switch record.phase {
        case .completed, .progressing, .paused: .success
        case .aborted: ExitCodes.rolloutAborted
        case .failed: ExitCodes.rolloutFailed
        }
    }
}
