import ArgumentParser
import Foundation
import Testing

@testable import ERSCtlCommands

/// `ersctl diff`: no changes, changes, and changes Kubernetes refuses in place.
@Suite struct DiffCommandTests {
    func exitCode(_ arguments: [String]) throws -> Int32 {
        var command = try ERSCtl.parseAsRoot(arguments)
        do {
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        }
    }

    func renderStaging() throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ers-diff-\(UUID().uuidString)")
        let spec = RenderedEnvironment.root.appendingPathComponent("environments/staging.yaml").path
        #expect(try exitCode(["render", spec, "--output", output.path, "--as-of", "2026-01"]) == 0)
        return output
    }

    func overlay(_ text: String) throws -> String {
        let base = RenderedEnvironment.root.appendingPathComponent("environments/staging.yaml").path
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ers-diff-\(UUID().uuidString).yaml")
        try Data("base: \(base)\n\(text)".utf8).write(to: file)
        return file.path
    }

    @Test func anUnchangedSpecHasNoChanges() throws {
        let output = try renderStaging()
        defer { try? FileManager.default.removeItem(at: output) }
        let spec = RenderedEnvironment.root.appendingPathComponent("environments/staging.yaml").path
        #expect(try exitCode(["diff", spec, "--previous", output.path, "--as-of", "2026-01"]) == 0)
    }

    @Test func aChangedValueIsAChange() throws {
        let output = try renderStaging()
        defer { try? FileManager.default.removeItem(at: output) }
        let spec = try overlay("services:\n  - name: worker\n    replicas: 5\n")
        #expect(try exitCode(["diff", spec, "--previous", output.path, "--as-of", "2026-01"]) == 3)
    }

    @Test func aSelectorChangeIsRefused() throws {
        let output = try renderStaging()
        defer { try? FileManager.default.removeItem(at: output) }
        let spec = try overlay("environment: stage\n")
        #expect(try exitCode(["diff", spec, "--previous", output.path, "--as-of", "2026-01"]) == 4)
        let report = RenderDiff(old: OutputDirectory(url: output).readPrevious(), new: Dictionary(
            uniqueKeysWithValues: SpecRendering(path: spec, asOf: RenderedEnvironment.asOf).files.map { ($0.path, $0.contents) }))
        #expect(report.refused.contains { $0.hasPrefix("Deployment/ers-staging/worker: spec.selector is immutable") })
        #expect(report.refused.contains { $0.contains("kubectl delete statefulset postgres -n ers-staging --cascade=orphan") })
    }
}
