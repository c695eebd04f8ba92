public import ERSModel

/// The spec cannot be rendered as a compose file: every problem found, each naming the field,
/// what is wrong and what would be right. Spec validation reports most of these earlier; the
/// renderer checks again whatever would otherwise produce a file compose rejects or misreads.
public struct ComposeRenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
