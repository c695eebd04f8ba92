import Foundation

/// Runs a program to completion (a ``ChildProcess``): no shell, extra environment variables, a
/// timeout (SIGTERM, then SIGKILL after 5 s), output appended to a log file rather than a pipe
/// (a deploy command that leaves a background process behind would keep a pipe open and block
/// its reader).
struct CommandRunner: Sendable {
    /// What a finished command left.
    struct Result: Sendable {
        /// The exit status (or 128 + signal).
        var status: Int32
        /// Its standard output and error, interleaved (at most the last 64 KiB).
        var output: String
    }

    /// Runs `arguments` (the program, looked up in `PATH` when it has no `/`) with `environment`
    /// added to this process's environment, appending its output to `logFile`.
    /// - Throws: ``RolloutError/command(arguments:status:output:)`` when it cannot be started or
    ///   runs longer than `timeoutSeconds` (it is killed then).
    func run(_ arguments: [String], environment: [String: String] = [:], logFile: URL, timeoutSeconds: Double) async throws(RolloutError) -> Result {
        try? FileManager.default.createDirectory(at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let start = (try? FileManager.default.attributesOfItem(atPath: logFile.path)[.size] as? NSNumber)?.uint64Value ?? 0
        let child = try ChildProcess(arguments, environment: environment, outputPath: logFile.path)
        let (status, timedOut) = await child.wait(timeout: .milliseconds(Int(timeoutSeconds * 1000)))
        let text = Self.tail(of: logFile, from: start)
        if timedOut {
            throw .command(arguments: arguments, status: 124, output: "killed after \(Int(timeoutSeconds)) s without finishing; \(text)")
        }
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
