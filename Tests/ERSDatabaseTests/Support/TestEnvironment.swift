import Foundation
import Testing

/// The test services (scripts/services-up.sh writes their env file; source it before
/// `swift test`). Under CI a missing service fails the test; elsewhere it is a warning and the
/// test checks nothing.
enum TestEnvironment {
    /// The process environment.
    static let variables = ProcessInfo.processInfo.environment

    /// Whether CI is set to anything but an explicit false.
    static let inCI: Bool = {
        guard let value = variables["CI"]?.lowercased(), !value.isEmpty else { return false }
        return !["0", "false", "no"].contains(value)
    }()

    /// Records that a test could not run: an error under CI, a warning elsewhere.
    static func unavailable(_ what: String, sourceLocation: SourceLocation) {
        Issue.record(
            "\(what) — not run. Start the services with scripts/services-up.sh and source their env file (ERS_TEST_* variables).",
            severity: inCI ? .error : .warning, sourceLocation: sourceLocation)
    }

    /// `ERS_TEST_DATABASE_URL` and `ERS_TEST_DATABASE_PASSWORD_FILE`, or nil after recording why not.
    static func database(sourceLocation: SourceLocation) -> (url: String, passwordFile: String)? {
        guard let url = variables["ERS_TEST_DATABASE_URL"], let file = variables["ERS_TEST_DATABASE_PASSWORD_FILE"] else {
            unavailable("ERS_TEST_DATABASE_URL / ERS_TEST_DATABASE_PASSWORD_FILE are not set", sourceLocation: sourceLocation)
            return nil
        }
        return (url, file)
    }

    /// The `ersctl-db` executable: `$ERS_TEST_ERSCTL_DB`, else beside the test runner (where
    /// `swift build --product ersctl-db` puts it); nil after recording why not.
    static func ersctlDB(sourceLocation: SourceLocation) -> String? {
        if let explicit = variables["ERS_TEST_ERSCTL_DB"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: runner).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("ersctl-db").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        unavailable("ersctl-db is not built beside the test runner (run `swift build --product ersctl-db` first, as scripts/test.sh does)", sourceLocation: sourceLocation)
        return nil
    }
}
