@testable import ERSCollectors
import Foundation
import Testing

@Suite("ers-server worker and scheduler as processes")
struct CommandTests {
    /// Regression: `ers-server worker` without DATABASE_URL crashed (SIGILL: the HTTP collector's
    /// client was built first and dropped without shutdown) instead of exiting 78 with the message.
    @Test("missing settings exit 78 and name the variable, without a crash", arguments: [
        (["worker"], [String: String](), "DATABASE_URL"),
        (["scheduler"], ["DATABASE_URL": "postgres://ers@127.0.0.1:1/x?sslmode=disable"], "SCHEDULES_FILE"),
        (["worker"], ["DATABASE_URL": "postgres://ers@127.0.0.1:1/x?sslmode=disable", "WORKER_CONCURRENCY": "0"], "WORKER_CONCURRENCY"),
        (["scheduler"], ["DATABASE_URL": "postgres://ers@127.0.0.1:1/x?sslmode=disable", "SCHEDULES_FILE": "/nonexistent/schedules.json"], "cannot read /nonexistent/schedules.json"),
        (["worker"], ["DATABASE_URL": "postgres://ers@127.0.0.1:1/x?sslmode=disable", "WORKER_SSH_CRYPTO": "quantum"],
         "WORKER_SSH_CRYPTO: 'quantum' is not an ssh crypto profile; set one of: fast"),
        (["worker"], ["DATABASE_URL": "postgres://ers@127.0.0.1:1/x?sslmode=disable", "WORKER_SSH_CONNECTION_REUSE_SECONDS": "-5"],
         "WORKER_SSH_CONNECTION_REUSE_SECONDS"),
        (["worker"], ["DATABASE_URL": "postgres://ers@127.0.0.1:1/x?sslmode=disable", "SSH_CONTROL_PERSIST_SECONDS": "30"],
         "WORKER_SSH_CONNECTION_REUSE_SECONDS"),
    ])
    func configurationErrors(_ arguments: [String], _ variables: [String: String], _ expected: String) async throws {
        guard let server = FleetTests.ersServer else {
            Issue.record("ers-server is not built beside the test runner — not run", severity: ProcessInfo.processInfo.environment["CI"] != nil ? .error : .warning)
            return
        }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let result = try await ProcessRunner().run(executable: "/bin/sh", arguments: ["-c", "env -i \(assignments) '\(server)' \(arguments.joined(separator: " ")) 2>&1"],
                                                   input: "", timeout: .seconds(60))
        #expect(result.exitCode == 78, "\(result.standardOutput)")
        #expect(result.standardOutput.contains(expected))
    }
}
