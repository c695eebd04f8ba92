import Foundation

@testable import ERSRollout

/// The built `ersctl` executable, run as the operator would: a child process whose output is
/// captured in a file (so a test can SIGKILL it mid-release).
struct ERSCtlBinary {
    let path: String

    /// The `ersctl` next to the test bundle, else in `.build/debug`; nil when not built.
    static let located: ERSCtlBinary? = {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [bundleDirectory.appendingPathComponent("ersctl"), packageRoot.appendingPathComponent(".build/debug/ersctl")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }.map { ERSCtlBinary(path: $0.path) }
    }()

    /// A running ersctl.
    final class Run {
        let process: ChildProcess
        let output: URL

        init(_ binary: ERSCtlBinary, _ arguments: [String], output: URL) throws {
            self.output = output
            process = try ChildProcess([binary.path] + arguments, outputPath: output.path)
        }

        /// Waits for the exit (at most `timeout`) and returns the status and output.
        func finish(timeout: Duration = .seconds(120)) async throws -> (status: Int32, output: String) {
            let (status, _) = await process.wait(timeout: timeout)
            return (status, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
        }

        /// SIGKILL, as an operator's `kill -9` or an OOM kill.
        func kill9() async {
            process.signal(SIGKILL)
            _ = await process.wait(timeout: .seconds(10))
        }
    }

    /// Starts `ersctl arguments…`.
    func start(_ arguments: [String], output: URL) throws -> Run { try Run(self, arguments, output: output) }

    /// Runs `ersctl arguments…` to its end.
    func run(_ arguments: [String], output: URL) async throws -> (status: Int32, output: String) {
        try await start(arguments, output: output).finish()
    }
}
