import ArgumentParser
import ERSModel
import ERSSpec
import Foundation
import Testing

@testable import ERSCtlCommands

/// The corpus of bad specs (Fixtures/bad-specs/NN-*.yaml, one fault each): each file's
/// diagnostics must match its golden `.expected` file byte for byte, and `ersctl validate`
/// must exit non-zero without crashing. `ERS_UPDATE_GOLDEN=1` rewrites the golden files.
@Suite struct BadSpecCorpusTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad-specs")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("_") }.sorted()
    }()

    @Test func theCorpusHasAtLeastThirtyFaults() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func diagnosticsMatchTheGoldenFile(_ name: String) throws {
        // Absolute paths, never a change of the working directory: tests run in parallel.
        let result = SpecLoader().load(path: Self.directory.appendingPathComponent(name).path)
        #expect(result.hasErrors, "\(name) must have at least one error")
        let text = result.diagnostics.map { diagnostic in
            ([diagnostic.description] + diagnostic.related.map { "\($0): note: first defined here" }).joined(separator: "\n")
        }.joined(separator: "\n").replacingOccurrences(of: Self.directory.path + "/", with: "") + "\n"
        let golden = Self.directory.appendingPathComponent(name.replacingOccurrences(of: ".yaml", with: ".expected"))
        if ProcessInfo.processInfo.environment["ERS_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected)
    }

    @Test(arguments: cases)
    func validateExitsNonZero(_ name: String) throws {
        let path = Self.directory.appendingPathComponent(name).path
        var command = try ERSCtl.parseAsRoot(["validate", path, "--format", "json"])
        do {
            try command.run()
            Issue.record("validate exited 0 on \(name)")
        } catch let exit as ExitCode {
            #expect(exit == ExitCode(1))
        }
    }
}
