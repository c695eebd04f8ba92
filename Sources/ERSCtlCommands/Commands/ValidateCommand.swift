import ArgumentParser
import ERSModel

/// `ersctl validate ENV_FILE`: loads and checks a spec without rendering anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a spec and report every problem with file:line:column.",
        discussion: "Exits 0 when the spec has no errors (warnings are printed), 1 when it has errors."
    )

    @Argument(help: "The environment spec, e.g. environments/production.yaml.")
    var envFile: String

    @Option(help: "Diagnostics as text (stderr) or json (stdout).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let rendering = SpecRendering(path: envFile, asOf: .current)
        format.emit(rendering.diagnostics)
        if rendering.hasErrors { throw ExitCodes.specInvalid }
    }
}
