import ERSDatabase
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the end-to-end tests need from the machine: the `ers-server` binary, the test
/// PostgreSQL and Redis (`scripts/services-up.sh`), a scratch directory. Anything missing is
/// recorded as an error when `CI` is set (the test fails), as a warning otherwise.
enum EndToEnd {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static let inCI: Bool = {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased(), !value.isEmpty else { return false }
        return !["0", "false", "no"].contains(value)
    }()

    static func report(_ why: String, sourceLocation: SourceLocation) {
        Issue.record("end-to-end test not run: \(why)", severity: inCI ? .error : .warning, sourceLocation: sourceLocation)
    }

    /// The repository root (this file is Tests/ERSCollectionEndToEndTests/Support/EndToEnd.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `ers-server`: `ERS_SERVER_BINARY`, else next to the test bundle, else `.build/debug`.
    static func serverBinary(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [environment["ERS_SERVER_BINARY"]].compactMap { $0 }
        candidates += [bundle, bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("ers-server").path }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/ers-server").path)
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        report("the ers-server binary is not built (run `swift build --product ers-server` before `swift test`)", sourceLocation: sourceLocation)
        return nil
    }

    /// The test PostgreSQL (role `ers`, may create databases).
    static func database(sourceLocation: SourceLocation = #_sourceLocation) -> (url: DatabaseURL, passwordFile: String)? {
        guard let text = environment["ERS_TEST_DATABASE_URL"], let file = environment["ERS_TEST_DATABASE_PASSWORD_FILE"],
              let url = try? DatabaseURL(parsing: text, passwordFile: file)
        else {
            report("ERS_TEST_DATABASE_URL / ERS_TEST_DATABASE_PASSWORD_FILE are not set or unusable; run scripts/services-up.sh and source /tmp/ers-test-services/env",
                   sourceLocation: sourceLocation)
            return nil
        }
        return (url, file)
    }

    /// A new private scratch directory (removed by the caller's `defer`).
    static func scratchDirectory(_ label: String) throws -> String {
        let path = "/tmp/ers-e2e-\(label)-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        return path
    }

    /// A TCP port nobody listens on now (bound to port 0, then closed).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until `condition` holds or `seconds` pass; whether it held. Never a fixed sleep
    /// for correctness: polls every `interval` seconds.
    static func waitUntil(seconds: Double, interval: Double = 0.5, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if try await condition() { return true }
            if Date() > deadline { return false }
            try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
        }
    }
}
