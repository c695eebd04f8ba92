import ERSModel
import Foundation
import Testing

@testable import ERSCtlCommands

/// Every file `ersctl render` writes for each environment, byte for byte, against
/// Golden/<environment>/…; `ERS_UPDATE_GOLDEN=1` rewrites them.
@Suite struct EnvironmentGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: RenderedEnvironment.names)
    func renderMatchesTheGoldenFiles(_ environment: String) throws {
        let rendering = RenderedEnvironment.render(environment)
        #expect(!rendering.hasErrors, "\(rendering.diagnostics)")
        #expect(rendering.diagnostics.isEmpty, "the repository's specs render without warnings: \(rendering.diagnostics)")
        let directory = Self.golden.appendingPathComponent(environment)
        if ProcessInfo.processInfo.environment["ERS_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: directory)
            try OutputDirectory(url: directory).write(rendering.files)
        }
        let expected = OutputDirectory(url: directory).readPrevious()
        #expect(Set(expected.keys) == Set(rendering.files.map(\.path)))
        for file in rendering.files {
            #expect(file.contents == expected[file.path], "\(environment)/\(file.path) differs from its golden file")
        }
    }

    @Test(arguments: RenderedEnvironment.names)
    func renderIsByteIdenticalRunToRun(_ environment: String) {
        #expect(RenderedEnvironment.render(environment).files == RenderedEnvironment.render(environment).files)
    }

    @Test func productionRendersEveryArtifact() {
        let paths = Set(RenderedEnvironment.files("production").keys)
        for expected in ["kubernetes/kustomization.yaml", "kubernetes/collection.yaml", "compose/compose.yaml",
                         "compose/nginx/nginx.conf", "sql/0001_create_reports.sql", "sql/R__partitions.sql"] {
            #expect(paths.contains(expected), "\(expected) missing")
        }
    }
}
