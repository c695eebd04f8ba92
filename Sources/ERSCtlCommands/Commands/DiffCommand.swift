import ArgumentParser
import ERSModel
import ERSSpec
import Foundation

/// `ersctl diff ENV_FILE --previous DIR`: what a render would change in DIR, and which of those
/// changes Kubernetes refuses to apply in place.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what rendering would change against an earlier render.",
        discussion: """
            Exits 0 when nothing changes, 3 when files change, 4 when a change is one Kubernetes \
            refuses in place (a Deployment's selector, a StatefulSet's selector, serviceName, \
            volumeClaimTemplates or podManagementPolicy, a Job's template): such objects must be \
            deleted and recreated.
            """
    )

    @Argument(help: "The environment spec.")
    var envFile: String

    @Option(help: "Directory of the earlier render.")
    var previous: String

    @Option(help: "First month (YYYY-MM) of the initial partitions; use the earlier render's.")
    var asOf: YearMonth?

    func run() throws {
        let rendering = SpecRendering(path: envFile, asOf: asOf ?? .current)
        DiagnosticFormat.text.emit(rendering.diagnostics)
        guard !rendering.hasErrors else { throw ExitCodes.specInvalid }
        let files = rendering.files
        let old = OutputDirectory(url: URL(fileURLWithPath: previous)).readPrevious()
        let report = RenderDiff(old: old, new: Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }))
        print(report.text, terminator: "")
        if !report.refused.isEmpty { throw ExitCodes.refusedChanges }
        if report.hasChanges { throw ExitCodes.changes }
    }
}
