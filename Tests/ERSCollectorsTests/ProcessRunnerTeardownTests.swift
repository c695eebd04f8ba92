@testable import ERSCollectors
import Foundation
import Testing

/// The deadline's teardown: the whole process group dies, and `run` returns within a bound
/// even when swift-subprocess never reports the end.
@Suite("ProcessRunner teardown")
struct ProcessRunnerTeardownTests {
    /// Regression: swift-subprocess lost terminations under load and `run` (which awaited it)
    /// never returned, stalling a worker slot forever. Here the loss is made deterministic
    /// (``LostTermination``): `run` still returns `.timedOut` after the deadline, the kill
    /// grace and `abandonAfter`, the group is killed, and the run is counted as abandoned.
    @Test(.timeLimit(.minutes(2))) func aLostTerminationStillEndsTheRun() async throws {
        let file = ProcessGroups.pidFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let runner = ProcessRunner()
        let abandonedBefore = AbandonedRuns.count
        let run = Task {
            try await runner.run(executable: "/bin/sh", arguments: ["-c", "echo $$ > '\(file)'; exec sleep 60"], input: "", timeout: .seconds(5))
        }
        let pid = try #require(await ProcessGroups.pid(writtenTo: file))
        #expect(await LostTermination.inflict(on: pid) == 1, "the child's pidfd was not found in this process")
        // A hung run never returns: bound the wait far above deadline + killGrace + abandonAfter.
        let outcome = await Self.first(of: run, within: .seconds(60))
        switch outcome {
        case .none: Issue.record("run did not return within 60 s of a 5 s deadline")
        case .some(.success): Issue.record("sleep 60 finished within its 5 s deadline")
        case .some(.failure(let error)): #expect((error as? ProcessRunner.Failure)?.isTimeout == true, "\(error)")
        }
        #expect(AbandonedRuns.count >= abandonedBefore + 1)
        #expect(await ProcessGroups.waitUntilGone(pid).isEmpty, "the process group outlived the run")
    }

    /// Every member of the group dies at the deadline: a leader that ignores SIGTERM (SIGKILL
    /// after the grace), and members that ignore it after the leader died of it (swift-subprocess
    /// alone stops its teardown once the leader is gone).
    @Test(arguments: [
        "trap '' TERM; sleep 60 & sleep 60",
        "(trap '' TERM; sleep 60) & (trap '' TERM; sleep 60) & wait",
    ])
    func theWholeGroupDiesAtTheDeadline(script: String) async throws {
        let file = ProcessGroups.pidFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        await #expect(throws: ProcessRunner.Failure.self) {
            try await ProcessRunner().run(executable: "/bin/sh", arguments: ["-c", "echo $$ > '\(file)'; \(script)"], input: "", timeout: .seconds(2))
        }
        let pid = try #require(await ProcessGroups.pid(writtenTo: file, seconds: 1))
        #expect(await ProcessGroups.waitUntilGone(pid).isEmpty, "members of group \(pid) outlived the run")
    }

    /// Cancelling the caller ends the run like its deadline: `.timedOut`, the group killed.
    @Test(.timeLimit(.minutes(2))) func cancellingTheCallerKillsTheGroup() async throws {
        let file = ProcessGroups.pidFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let run = Task {
            try await ProcessRunner().run(executable: "/bin/sh", arguments: ["-c", "echo $$ > '\(file)'; trap '' TERM; sleep 60"], input: "", timeout: .seconds(120))
        }
        let pid = try #require(await ProcessGroups.pid(writtenTo: file))
        run.cancel()
        let outcome = await Self.first(of: run, within: .seconds(60))
        if case .some(.failure(let error)) = outcome {
            #expect((error as? ProcessRunner.Failure)?.isTimeout == true, "\(error)")
        } else {
            Issue.record("a cancelled run gave \(String(describing: outcome))")
        }
        #expect(await ProcessGroups.waitUntilGone(pid).isEmpty)
    }

    /// The task's result, or nil if it did not finish within `limit` (a hung task is left behind).
    static func first<T: Sendable>(of task: Task<T, any Error>, within limit: Duration) async -> Swift.Result<T, any Error>? {
        let (stream, continuation) = AsyncStream.makeStream(of: Swift.Result<T, any Error>?.self)
        Task { continuation.yield(await task.result) }
        Task { try? await Task.sleep(for: limit); continuation.yield(nil) }
        for await value in stream { return value }
        return nil
    }
}
