import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

extension ProcessRunner {
    /// One start of a program through swift-subprocess, with what it needs to run.
    struct Launch: Sendable {
        var executable: String
        var arguments: [String]
        var input: String
        var killGrace: Duration
        var outputLimit: Int
        var errorLimit: Int
        var started: ContinuousClock.Instant

        /// Runs the program to its end; reports the pid to `control` once spawned.
        /// - Returns: the outcome, or nil when the task was cancelled (the caller's deadline).
        func run(control: RunControl) async -> RunControl.Outcome? {
            var options = PlatformOptions()
            options.createSession = true
            options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: killGrace)]
            // The input goes through a pipe filled here, before the launch, and handed to the
            // child as its stdin; swift-subprocess's own input writer is not used: cancelling a
            // run (the deadline) while that writer is alive trips its "FileDescriptor was not
            // closed" fatal error (swift-subprocess 1.0, IODescriptor.deinit) and crashed the worker.
            let stdin: FileDescriptor
            do {
                stdin = try ProcessRunner.filledPipe(input)
            } catch {
                return .failure(.launchFailed("cannot pass the input on stdin: \(error)"))
            }
            do {
                let record = try await Subprocess.run(
                    .path(FilePath(executable)), arguments: Arguments(arguments), environment: .inherit,
                    platformOptions: options, input: .fileDescriptor(stdin, closeAfterSpawningProcess: true),
                    output: .bytes(limit: outputLimit), error: .bytes(limit: errorLimit)
                ) { execution in
                    control.spawned(pid: execution.processIdentifier.value)
                }
                var code: Int32?, signal: Int32?
                switch record.terminationStatus {
                case .exited(let value): code = value
                case .signaled(let value): signal = value
                }
                return .success(Result(exitCode: code, signal: signal,
                                       standardOutput: String(decoding: record.standardOutput, as: UTF8.self),
                                       standardError: String(decoding: record.standardError, as: UTF8.self),
                                       seconds: ProcessRunner.seconds(since: started)))
            } catch let error as SubprocessError {
                if Task.isCancelled { return nil }
                if error.code == .outputLimitExceeded { return .failure(.outputTooLarge(limit: outputLimit)) }
                return .failure(.launchFailed("\(error)"))
            } catch {
                if Task.isCancelled { return nil }
                return .failure(.launchFailed("\(error)"))
            }
        }
    }

    /// The read end of a new pipe that already holds `input` and whose write end is closed
    /// (the reader sees `input`, then end of file). Both ends are close-on-exec (pipe2(2)
    /// `O_CLOEXEC`): a program started meanwhile by other means does not inherit them.
    /// - Throws: `Errno` from pipe2(2)/write(2), or `Errno.noBufferSpace` past ``inputLimit``.
    static func filledPipe(_ input: String) throws -> FileDescriptor {
        let bytes = Array(input.utf8)
        guard bytes.count <= inputLimit else { throw Errno.noBufferSpace }
        let (readEnd, writeEnd) = try FileDescriptor.pipe(options: .closeOnExec)
        do {
            _ = try writeEnd.writeAll(bytes)
            try writeEnd.close()
        } catch {
            try? writeEnd.close()
            try? readEnd.close()
            throw error
        }
        return readEnd
    }
}
