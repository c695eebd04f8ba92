import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with `posix_spawn` and reaped with `waitpid`: stdin from
/// /dev/null, stdout and stderr appended to a file, an empty signal mask and default signal
/// handlers in the child (so `kill -TERM` works even when the parent blocks signals).
///
/// Foundation's `Process` is not used: on Linux its exit detection can miss a child that
/// exited (`isRunning` stays true, `waitUntilExit` hangs on a zombie), which would hang a
/// release.
final class ChildProcess {
    /// The child's process id.
    let pid: pid_t
    private var exitStatus: Int32?

    /// Starts `arguments` (the program looked up in `PATH` when it has no `/`) with
    /// `environment` added to this process's, output appended to `outputPath`.
    /// - Throws: ``RolloutError/command(arguments:status:output:)`` when it cannot be started.
    init(_ arguments: [String], environment: [String: String] = [:], outputPath: String) throws(RolloutError) {
        guard !arguments.isEmpty else { throw .command(arguments: arguments, status: 127, output: "empty command") }
        let output = open(outputPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard output >= 0 else {
            throw .command(arguments: arguments, status: 127, output: "cannot write its output to \(outputPath): \(String(cString: strerror(errno)))")
        }
        defer { close(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let result = arguments[0].contains("/")
            ? posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
            : posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw .command(arguments: arguments, status: 127, output: "cannot start it: \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// The exit status once the child ended (128 + signal when a signal ended it), nil while it
    /// runs. Reaps it.
    func poll() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid {
            let signal = status & 0x7f
            exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        } else if reaped < 0, errno == ECHILD {
            exitStatus = 0
        }
        return exitStatus
    }

    /// Whether the child still runs.
    var isRunning: Bool { poll() == nil }

    /// Sends `signal` to the child (nothing once it was reaped).
    func signal(_ signal: Int32) {
        if exitStatus == nil { kill(pid, signal) }
    }

    /// Waits for the end, polling every 10 ms; SIGTERM at `timeout`, SIGKILL 5 s later.
    /// - Returns: the exit status and whether the timeout killed it.
    func wait(timeout: Duration) async -> (status: Int32, timedOut: Bool) {
        let deadline = ContinuousClock.now + timeout
        var killAt: ContinuousClock.Instant?
        while true {
            if let status = poll() { return (status, killAt != nil) }
            let now = ContinuousClock.now
            if killAt == nil, now >= deadline {
                signal(SIGTERM)
                killAt = now + .seconds(5)
            } else if let at = killAt, now >= at {
                signal(SIGKILL)
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    deinit {
        _ = poll()
    }
}
