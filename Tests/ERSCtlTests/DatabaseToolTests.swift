import Foundation
import Testing

@testable import ERSCtlCommands

/// `ersctl migrate` and `ersctl partitions` find ersctl-db beside ersctl, then on PATH, and
/// say how to get it when it is missing.
@Suite struct DatabaseToolTests {
    @Test func prefersTheBinaryBesideErsctlThenPath() {
        let present: Set<String> = ["/opt/ers/bin/ersctl-db", "/usr/local/bin/ersctl-db"]
        let check: (String) -> Bool = { present.contains($0) }
        #expect(DatabaseTool.locate(besides: "/opt/ers/bin/ersctl", path: "/usr/local/bin", isExecutable: check) == "/opt/ers/bin/ersctl-db")
        #expect(DatabaseTool.locate(besides: "/home/me/ersctl", path: "/usr/bin::/usr/local/bin", isExecutable: check) == "/usr/local/bin/ersctl-db")
        #expect(DatabaseTool.locate(besides: "/home/me/ersctl", path: "/usr/bin", isExecutable: check) == nil)
    }

    @Test func theMissingToolMessageSaysHowToBuildIt() {
        #expect(DatabaseTool.missingMessage.contains("swift build --product ersctl-db"))
        #expect(DatabaseTool.missingMessage.contains("installed beside ersctl in the runtime image"))
        #expect(DatabaseTool.missingExitCode == 127)
    }

    @Test func ersctlPassesArgumentsAndTheExitCodeThrough() throws {
        let bin = try #require(Self.binDirectory(), "ersctl is built beside the test runner")
        guard FileManager.default.isExecutableFile(atPath: "\(bin)/ersctl-db") else { return }
        let (status, output) = try Self.run("\(bin)/ersctl", ["migrate", "status", "--migrations", "/nonexistent/sql", "--database-url", "postgres://x@127.0.0.1:1/x"])
        #expect(status == 1)
        #expect(output.contains("ersctl-db: error: migrations directory /nonexistent/sql"))
        let (helpStatus, help) = try Self.run("\(bin)/ersctl", ["partitions", "--help"])
        #expect(helpStatus == 0 && help.contains("USAGE: ersctl-db partitions"))
    }

    @Test func aMissingToolIsAClearErrorWithExitCode127() throws {
        let bin = try #require(Self.binDirectory())
        let lonely = FileManager.default.temporaryDirectory.appendingPathComponent("ersctl-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: lonely, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: lonely) }
        try FileManager.default.copyItem(atPath: "\(bin)/ersctl", toPath: lonely.appendingPathComponent("ersctl").path)
        let (status, output) = try Self.run(lonely.appendingPathComponent("ersctl").path, ["migrate", "up"], path: "/nonexistent")
        #expect(status == 127)
        #expect(output.contains("ersctl migrate needs ersctl-db, the database part of ersctl: build it with `swift build --product ersctl-db`"))
    }

    /// The directory of the built products (where the test runner is).
    static func binDirectory() -> String? {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: runner).deletingLastPathComponent()
        for _ in 0..<4 {
            if FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("ersctl").path) { return directory.path }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// Runs a program; returns its status and stdout + stderr.
    static func run(_ program: String, _ arguments: [String], path: String? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        if let path { environment["PATH"] = path }
        process.environment = environment
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ersctl-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? handle.close()
        return (process.terminationStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }
}
