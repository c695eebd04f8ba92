import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs one program with an input on stdin, collecting stdout and stderr, in its own session
/// (`setsid(2)`, so it is the leader of its own process group) and under an overall deadline.
///
/// When the deadline passes (or the calling task is cancelled) the whole process group gets
/// SIGTERM, then SIGKILL after ``killGrace``: no child (an ssh, a remote-command helper, a
/// `timeout`) outlives the run. ControlPersist masters detach themselves with `daemon(3)` into
/// a session of their own and are left alone on purpose.
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
        /// The deadline passed; the process group was killed.
        case timedOut(seconds: Double)
        /// stdout or stderr went over its limit (bytes); the process group was killed.
        case outputTooLarge(limit: Int)
        /// The program could not be started (message from swift-subprocess).
        case launchFailed(String)
    }

    /// Time between SIGTERM and SIGKILL to the process group, when a run is torn down.
    var killGrace: Duration = .milliseconds(500)
    /// Most bytes of stdout kept; more is a failure (`outputTooLarge`).
    var outputLimit: Int = 4 * 1024 * 1024
    /// Most bytes of stderr kept.
    var errorLimit: Int = 64 * 1024

    /// Runs `executable arguments…` with `input` on stdin, within `timeout`.
    /// - Throws: ``Failure``.
    func run(executable: String, arguments: [String], input: String, timeout: Duration) async throws(Failure) -> Result {
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: killGrace)]
        let started = ContinuousClock.now
        let outputLimit = outputLimit, errorLimit = errorLimit
        let platformOptions = options
        let outcome: Swift.Result<Result, Failure> = await withTaskGroup(of: Swift.Result<Result, Failure>?.self) { group in
            group.addTask {
                await Self.launch(executable: executable, arguments: arguments, environment: .inherit, options: platformOptions,
                                  input: input, outputLimit: outputLimit, errorLimit: errorLimit, started: started)
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return Task.isCancelled ? nil : .failure(.timedOut(seconds: Self.seconds(since: started)))
            }
            var result: Swift.Result<Result, Failure>?
            while let next = await group.next() {
                if let next, result == nil {
                    result = next
                    group.cancelAll()
                }
            }
            return result ?? .failure(.timedOut(seconds: Self.seconds(since: started)))
        }
        return try outcome.get()
    }

    private static func launch(executable: String, arguments: [String], environment: Subprocess.Environment,
                               options: PlatformOptions, input: String, outputLimit: Int, errorLimit: Int,
                               started: ContinuousClock.Instant) async -> Swift.Result<Result, Failure>? {
        do {
            let record = try await Subprocess.run(
                .path(FilePath(executable)), arguments: Arguments(arguments), environment: environment,
                platformOptions: options, input: .string(input),
                output: .bytes(limit: outputLimit), error: .bytes(limit: errorLimit))
            var code: Int32?, signal: Int32?
            switch record.terminationStatus {
            case .exited(let value): code = value
            case .signaled(let value): signal = value
            }
            return .success(Result(exitCode: code, signal: signal, standardOutput: String(decoding: record.standardOutput, as: UTF8.self),
                                   standardError: String(decoding: record.standardError, as: UTF8.self), seconds: seconds(since: started)))
        } catch let error as SubprocessError {
            if Task.isCancelled { return nil }
            if error.code == .outputLimitExceeded { return .failure(.outputTooLarge(limit: outputLimit)) }
            return .failure(.launchFailed("\(error)"))
        } catch {
            if Task.isCancelled { return nil }
            return .failure(.launchFailed("\(error)"))
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
