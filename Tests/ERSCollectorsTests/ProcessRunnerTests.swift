@testable import ERSCollectors
import Foundation
import Testing

@Suite("ProcessRunner")
struct ProcessRunnerTests {
    /// Regression: a deadline that cancels a run while swift-subprocess's stdin writer was alive
    /// crashed the process ("FileDescriptor … was not closed"). Many short deadlines, input on
    /// stdin, several at once: every run ends in a timeout, nothing crashes.
    @Test(.timeLimit(.minutes(2))) func deadlinesDuringTheInputNeverCrash() async {
        let input = String(repeating: "echo ers\n", count: 600)
        await withTaskGroup(of: Void.self) { group in
            for round in 0..<40 {
                group.addTask {
                    do {
                        _ = try await ProcessRunner().run(executable: "/bin/sh", arguments: ["-c", "sleep 5"], input: input,
                                                          timeout: .milliseconds(5 + round % 7))
                        Issue.record("sleep 5 finished within its deadline")
                    } catch {
                        #expect((error as? ProcessRunner.Failure)?.isTimeout == true, "\(error)")
                    }
                }
            }
        }
    }

    @Test func theInputArrivesWhole() async throws {
        let input = String(repeating: "x", count: ProcessRunner.inputLimit - 1) + "\n"
        let result = try await ProcessRunner().run(executable: "/bin/sh", arguments: ["-c", "wc -c"], input: input, timeout: .seconds(30))
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "\(ProcessRunner.inputLimit)")
    }

    @Test func inputOverAPipeIsRefused() async {
        await #expect(throws: ProcessRunner.Failure.self) {
            try await ProcessRunner().run(executable: "/bin/cat", arguments: [], input: String(repeating: "x", count: ProcessRunner.inputLimit + 1),
                                          timeout: .seconds(30))
        }
    }
}

extension ProcessRunner.Failure {
    var isTimeout: Bool {
        if case .timedOut = self { return true }
        return false
    }
}
