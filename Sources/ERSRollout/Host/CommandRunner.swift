import Foundation

/// Runs a program to completion with Foundation `Process`: no shell, extra environment
/// variables, a timeout (SIGTERM, then SIGKILL after 5 s), and output captured in a file
/// rather than a pipe — a deploy command that leaves a background process behind would keep a
/// pipe open and block the reader forever.
struct CommandRunner: Sendable {
    /// What a finished command left.
    struct Result: Sendable {
        /// The exit status (or 128 + signal).
        var status: Int32
        /// Its standard output and error, interleaved (at most the last 64 KiB).
        var output: String
    }

    /// Runs `arguments` (the program, looked up in `PATH` when it has no `/`) with `environment`
    /// added to this process's environment, writing its output to `logFile` (appended).
    /// - Throws: ``RolloutError/command(arguments:status:output:)`` when it cannot be started or
    ///   runs longer than `timeoutSeconds` (it is killed then).
    func run(_ arguments: [String], environment: [String: String] = [:], logFile: URL, timeoutSeconds: Double) async throws(RolloutError) -> Result {
        guard let program = arguments.first else { throw .command(arguments: arguments, status: 127, output: "empty command") }
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(arguments.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let start: UInt64
        let output: FileHandle
        do {
            try FileManager.default.createDirectory(at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: logFile.path) { FileManager.default.createFile(atPath: logFile.path, contents: nil) }
            output = try FileHandle(forWritingTo: logFile)
            start = try output.seekToEnd()
        } catch {
            throw .command(arguments: arguments, status: 127, output: "cannot write its log \(logFile.path): \(error.localizedDescription)")
        }
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .command(arguments: arguments, status: 127, output: "cannot start it: \(error.localizedDescription)")
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(timeoutSeconds * 1000))
        var timedOut = false
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                timedOut = true
                process.terminate()
                let killAt = ContinuousClock.now + .seconds(5)
                while process.isRunning && ContinuousClock.now < killAt { try? await Task.sleep(for: .milliseconds(50)) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        let text = Self.tail(of: logFile, from: start)
        if timedOut {
            throw .command(arguments: arguments, status: 124, output: "killed after \(Int(timeoutSeconds)) s without finishing; \(text)")
        }
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status, output: text)
    }

    /// The text written to `file` after `offset` (the last 64 KiB of it).
    private static func tail(of file: URL, from offset: UInt64) -> String {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return "" }
        defer { try? handle.close() }
        let end = (try? handle.seekToEnd()) ?? offset
        let from = max(offset, end > 65536 ? end - 65536 : 0)
        try? handle.seek(toOffset: from)
        let data = (try? handle.readToEnd()) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
