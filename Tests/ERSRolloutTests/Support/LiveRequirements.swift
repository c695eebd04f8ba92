import Foundation
import Testing

/// What the live tests need: Debian's nginx, python3 (the test HTTP server) and wrk. Where
/// `CI` is set they are required: a missing tool fails the tests instead of skipping them.
enum LiveRequirements {
    static let environment = ProcessInfo.processInfo.environment
    static let nginx = firstExecutable(["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"])
    static let python = firstExecutable(["/usr/bin/python3", "/usr/local/bin/python3"])
    static let wrk = firstExecutable(["/usr/bin/wrk", "/usr/local/bin/wrk"])

    /// True when CI is set to anything but an explicit false.
    static let onCI: Bool = {
        guard let value = environment["CI"]?.lowercased(), !value.isEmpty else { return false }
        return !["0", "false", "no"].contains(value)
    }()

    /// The missing tools.
    static var missing: [String] {
        [("nginx", nginx), ("python3", python), ("wrk", wrk)].filter { $0.1 == nil }.map(\.0)
    }

    /// Whether the live tests run: everything is there, or CI (where a gap must fail).
    static var shouldRun: Bool { missing.isEmpty || onCI }

    /// Fails the test when a tool is missing (only reached on CI or with everything there).
    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws {
        if !missing.isEmpty {
            Issue.record("CI is set but \(missing.joined(separator: ", ")) is missing: install it (scripts/install-deps.sh)", sourceLocation: sourceLocation)
            throw Unavailable(description: "missing \(missing)")
        }
    }

    struct Unavailable: Error, CustomStringConvertible { var description: String }

    private static func firstExecutable(_ paths: [String]) -> String? {
        paths.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
