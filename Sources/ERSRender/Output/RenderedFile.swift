/// One file a renderer produces: a relative path under the output directory and its text.
/// Renderers are pure functions from the model to `[RenderedFile]`; the CLI writes them.
public struct RenderedFile: Sendable, Hashable {
    /// Path relative to the output directory, `/`-separated, e.g. `kubernetes/auth.yaml`.
    public var path: String
    /// The file's contents (UTF-8 text, ending with a newline).
    public var contents: String

    /// Creates a file.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
