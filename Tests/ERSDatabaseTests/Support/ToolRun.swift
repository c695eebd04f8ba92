import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A run of the `ersctl-db` executable in its own process, its output in files.
final class ToolRun: @unchecked Sendable {
    /// The process.
    let process: Process
    /// Where stdout goes.
    private let outURL: URL
    /// Where stderr goes.
    private let errURL: URL

    /// Starts `executable arguments…` with `environment` added to this process's.
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ers-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        outURL = directory.appendingPathComponent("stdout")
        errURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")
        env.removeValue(forKey: "DATABASE_PASSWORD_FILE")
        env.removeValue(forKey: "ERS_TEST_PAUSE_AFTER_CREATE_MS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
    }

    /// Waits for the process (polling, so the calling task is not blocked) and returns its status.
    func wait(timeout: Duration = .seconds(120)) async throws -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while process.isRunning {
            if clock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                throw ToolTimeout(description: "\(process.arguments ?? []) did not finish within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// SIGKILL.
    func killHard() {
        kill(process.processIdentifier, SIGKILL)
    }

    /// What it wrote to stdout.
    var stdout: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }
    /// What it wrote to stderr.
    var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// Runs to the end: status, stdout, stderr.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, out: String, err: String) {
        let run = try ToolRun(executable, arguments, environment: environment)
        let status = try await run.wait()
        return (status, run.stdout, run.stderr)
    }
}

/// A tool run that did not end in time.
struct ToolTimeout: Error, CustomStringConvertible {
    let description: String
}
