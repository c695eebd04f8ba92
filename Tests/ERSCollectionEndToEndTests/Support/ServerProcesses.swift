import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The `ers-server` processes of one test; ``with(binary:label:_:)`` stops every one of them
/// (SIGTERM, then SIGKILL) however the test ends, and removes the scratch directory with their
/// logs when the test passed (`ERS_TEST_E2E_KEEP_LOGS=1` keeps it).
final class ServerProcesses: Sendable {
    let binary: String
    let directory: String
    private let started = Mutex<[ChildProcess]>([])

    private init(binary: String, directory: String) {
        self.binary = binary
        self.directory = directory
    }

    static func with(binary: String, label: String, _ body: (ServerProcesses) async throws -> Void) async throws {
        let servers = ServerProcesses(binary: binary, directory: try EndToEnd.scratchDirectory(label))
        do {
            try await body(servers)
        } catch {
            await servers.stopAll()
            throw error
        }
        await servers.stopAll()
        // Kept with ERS_TEST_E2E_KEEP_LOGS=1 (and when the body threw); failed expectations print the log tails.
        if EndToEnd.environment["ERS_TEST_E2E_KEEP_LOGS"] == nil { try? FileManager.default.removeItem(atPath: servers.directory) }
    }

    /// Starts `ers-server <role>` with `environment`; its log is `<directory>/<name>.log`.
    @discardableResult
    func start(_ role: String, name: String, environment: [String: String]) throws -> ChildProcess {
        let child = try ChildProcess.spawn(binary, [role], environment: environment, name: name, logPath: "\(directory)/\(name).log")
        started.withLock { $0.append(child) }
        return child
    }

    func stopAll() async {
        for child in started.withLock({ $0 }) { await child.stop() }
    }

    /// `name: status` of every process that did not exit with 0 (still running: -1).
    var uncleanExits: [String] {
        started.withLock { $0 }.compactMap { child in
            let status = child.exitStatus ?? -1
            return status == 0 ? nil : "\(child.name): \(status)"
        }
    }

    /// The log tails of every process, for failure messages.
    func logs(_ lines: Int = 15) -> String {
        started.withLock { $0 }.map { "--- \($0.name) (pid \($0.pid), \($0.isRunning ? "running" : "exited \($0.exitStatus ?? -1)")):\n\($0.logTail(lines))" }
            .joined(separator: "\n")
    }
}
