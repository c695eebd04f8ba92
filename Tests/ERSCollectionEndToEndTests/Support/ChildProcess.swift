import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A process the test started (posix_spawn), its stdout and stderr in a log file. Reaped with
/// `waitpid(pid, WNOHANG)` polling (Foundation's `Process.waitUntilExit` can hang when called
/// from a task), so waiting never blocks a cooperative thread.
final class ChildProcess: Sendable {
    let pid: pid_t
    let name: String
    let logPath: String
    private let exit = Mutex<Int32?>(nil)

    struct SpawnFailed: Error, CustomStringConvertible { var description: String }

    private init(pid: pid_t, name: String, logPath: String) {
        self.pid = pid
        self.name = name
        self.logPath = logPath
    }

    /// Starts `executable` with exactly `environment` (plus PATH), output appended to `logPath`.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String], name: String, logPath: String) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var environment = environment
        if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard status == 0 else { throw SpawnFailed(description: "\(name): posix_spawn \(executable) failed: \(String(cString: strerror(status)))") }
        return ChildProcess(pid: pid, name: name, logPath: logPath)
    }

    /// The exit status (or 128 + signal), nil while it runs.
    var exitStatus: Int32? {
        exit.withLock { known in
            if let known { return known }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            let low = status & 0x7f
            known = low == 0 ? (status >> 8) & 0xff : 128 + low
            return known
        }
    }

    var isRunning: Bool { exitStatus == nil }

    func signal(_ number: Int32) {
        if isRunning { kill(pid, number) }
    }

    /// Waits up to `seconds` for the process to end; its status, nil if still running.
    @discardableResult
    func wait(seconds: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let status = exitStatus { return status }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return exitStatus
    }

    /// SIGTERM, then SIGKILL after `grace` seconds; waits for the end.
    func stop(grace: Double = 10) async {
        signal(SIGTERM)
        if await wait(seconds: grace) == nil {
            signal(SIGKILL)
            await wait(seconds: 10)
        }
    }

    /// The last `count` lines of the log (for failure messages).
    func logTail(_ count: Int = 30) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }

    /// Runs `/bin/sh -c command` to its end (at most `timeout` seconds, then SIGKILL); its status.
    static func shell(_ command: String, timeout: Double = 120, logPath: String = "/dev/null") async -> Int32 {
        guard let child = try? spawn("/bin/sh", ["-c", command], environment: ProcessInfo.processInfo.environment, name: "sh", logPath: logPath) else { return -1 }
        if let status = await child.wait(seconds: timeout) { return status }
        child.signal(SIGKILL)
        return await child.wait(seconds: 5) ?? -1
    }
}
