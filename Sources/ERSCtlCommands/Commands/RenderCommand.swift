import ArgumentParser
import ERSModel
import ERSSpec
import Foundation

/// `ersctl render ENV_FILE --output DIR`: validates the spec and writes every artifact.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Kubernetes manifests, compose file, nginx config and SQL from a spec.",
        discussion: """
            Writes DIR/kubernetes (apply with `kubectl apply -k DIR/kubernetes`), DIR/compose, \
            DIR/sql. The same spec and --as-of give byte-identical files. Nothing is written \
            when the spec has errors.
            """
    )

    @Argument(help: "The environment spec, e.g. environments/production.yaml.")
    var envFile: String

    @Option(name: .shortAndLong, help: "Output directory (created if missing).")
    var output: String

    @Option(help: "First month (YYYY-MM, UTC) of the initial partitions in the SQL; default: the current month.")
    var asOf: YearMonth?

    @Option(help: "Diagnostics as text (stderr) or json (stdout).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let rendering = SpecRendering(path: envFile, asOf: asOf ?? .current)
        format.emit(rendering.diagnostics)
        guard !rendering.hasErrors else { throw ExitCodes.specInvalid }
        let files = rendering.files
        do {
            try OutputDirectory(url: URL(fileURLWithPath: output)).write(files)
        } catch {
            FileHandle.standardError.write(Data("error: \(error); check --output and its permissions\n".utf8))
            throw ExitCodes.ioError
        }
        if format == .text {
            FileHandle.standardError.write(Data("rendered \(files.count) files into \(output)\n".utf8))
        }
    }
}
