import ERSRender

/// One rendered manifest file: its objects in order, written as YAML documents separated by
/// `---` under a fixed header comment (no timestamps, so output is byte-identical run to run).
struct ManifestFile: Sendable {
    /// The file's name under `kubernetes/`, e.g. `auth.yaml`.
    var name: String
    /// The objects, in the order they are written.
    var objects: [YAMLValue]

    /// The header at the top of every file.
    static let header = "# Rendered by ersctl from the ERS deployment spec. Do not edit: change the spec and render again.\n"

    /// The file as `kubernetes/<name>`.
    var rendered: RenderedFile {
        RenderedFile(path: "kubernetes/\(name)", contents: ManifestFile.header + YAMLWriter.documents(objects))
    }
}
