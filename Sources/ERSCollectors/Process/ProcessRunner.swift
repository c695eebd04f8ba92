import Foundation
import Logging

/// Runs one program with an input on stdin, collecting stdout and stderr, in its own session
/// (`setsid(2)`, so it is the leader of its own process group) and under an overall deadline.
///
/// When the deadline passes (or the calling task is cancelled) the whole process group gets
/// SIGTERM, then SIGKILL after ``killGrace``: no child (an ssh, a remote-command helper, a
/// `timeout`) outlives the run. ControlPersist masters detach themselves with `daemon(3)` into
/// a session of their own and are left alone on purpose.
///
/// A run never waits on swift-subprocess past the deadline by more than ``killGrace`` +
/// ``abandonAfter``: the launch runs in a task of its own, and if it has not reported the end
/// by then, `run` returns ``Failure/timedOut(seconds:)`` anyway and the run is counted in
/// ``AbandonedRuns`` (swift-subprocess was seen to lose terminations under load).
struct ProcessRunner: Sendable {
    /// What a finished run produced.
    struct Result: Sendable {
        /// Exit status (0–255), or nil when killed by a signal.
        var exitCode: Int32?
        /// Signal number when the program was killed by one.
        var signal: Int32?
        var standardOutput: String
        var standardError: String
        /// Wall time in seconds.
        var seconds: Double
    }

    /// Why a run produced no result.
    enum Failure: Error, Sendable, Equatable {
        /// The deadline passed (or the caller was cancelled); the process group was killed.
        /// `seconds`: from the start to the deadline.
        case timedOut(seconds: Double)
        /// stdout or stderr went over its limit (bytes); the process group was killed.
        case outputTooLarge(limit: Int)
        /// The program could not be started (message from swift-subprocess).
        case launchFailed(String)
    }

    /// Time between SIGTERM and SIGKILL to the process group, when a run is torn down.
    var killGrace: Duration = .milliseconds(500)
    /// How long after the SIGKILL `run` still waits for swift-subprocess to report the end
    /// before it gives up on the launch (see ``AbandonedRuns``).
    var abandonAfter: Duration = .seconds(2)
    /// Most bytes of stdout kept; more is a failure (`outputTooLarge`).
    var outputLimit: Int = 4 * 1024 * 1024
    /// Most bytes of stderr kept.
    var errorLimit: Int = 64 * 1024
    /// Where an abandoned run is reported (a warning).
    var logger = Logger(label: "ers.collectors.process")

    /// Runs `executable arguments…` with `input` on stdin, within `timeout`. Returns within
    /// `timeout` + ``killGrace`` + ``abandonAfter`` (plus scheduling delays) whatever
    /// swift-subprocess does; cancelling the calling task ends the run like its deadline.
    /// - Throws: ``Failure``.
    func run(executable: String, arguments: [String], input: String, timeout: Duration) async throws(Failure) -> Result {
        let control = RunControl()
        let launch = Launch(executable: executable, arguments: arguments, input: input, killGrace: killGrace,
                            outputLimit: outputLimit, errorLimit: errorLimit, started: .now)
        let runner = self
        let supervisor = Task { await runner.supervise(launch, control: control, deadline: launch.started + timeout) }
        let outcome = await withTaskCancellationHandler {
            await supervisor.value
        } onCancel: {
            control.requestStop()
        }
        return try outcome.get()
    }

    /// Starts the launch and waits for it until `deadline` (or a stop request); then tears the
    /// process group down and waits a bounded time for the launch to end. Never cancelled, so
    /// its sleeps run whole.
    private func supervise(_ launch: Launch, control: RunControl, deadline: ContinuousClock.Instant) async -> RunControl.Outcome {
        let task = Task { control.finish(await launch.run(control: control)) }
        if await control.wait(until: deadline, orStop: true), let outcome = control.outcome {
            return outcome
        }
        let timedOut = RunControl.Outcome.failure(.timedOut(seconds: Self.seconds(since: launch.started)))
        // swift-subprocess's own teardown (the same SIGTERM, SIGKILL) starts on this cancel;
        // the signals below do not depend on it.
        task.cancel()
        control.beginTeardown()
        let graceEnd = ContinuousClock.now + killGrace
        await control.wait(until: graceEnd, orStop: false)
        if control.groupExists {
            // Members that outlived the leader (or a leader that ignores SIGTERM): the rest of
            // the grace, then SIGKILL.
            try? await Task.sleep(until: graceEnd, clock: .continuous)
            control.signalGroup(SIGKILL)
        }
        if await control.wait(until: .now + abandonAfter, orStop: false) { return timedOut }
        control.signalGroup(SIGKILL) // spawned after the first SIGKILL
        AbandonedRuns.record(executable: launch.executable, pid: control.pid, seconds: Self.seconds(since: launch.started), logger: logger)
        return timedOut
    }

    /// Most bytes of input: what a pipe holds without a reader (Linux: 16 pages, pipe(7)).
    static let inputLimit = 65_536

    /// Seconds elapsed since `start`.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
