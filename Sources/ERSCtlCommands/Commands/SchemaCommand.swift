import ArgumentParser
import ERSSpec

/// `ersctl schema`: prints the JSON Schema of spec files.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of spec files (for editor completion).",
        discussion: "Point your editor's YAML language server at it, e.g. `# yaml-language-server: $schema=ers-spec.json`."
    )

    func run() throws {
        print(try SpecSchema.jsonSchema(), terminator: "")
    }
}
