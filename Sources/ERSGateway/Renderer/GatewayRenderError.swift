public import ERSModel

/// The spec cannot be rendered as an nginx config: every problem found, not only the first.
/// Each diagnostic names the field (e.g. `gateway.routes[reports].port`), what is wrong and what
/// would be right. Spec validation reports most of these earlier; the renderer checks again
/// whatever would otherwise produce a config nginx rejects or misreads.
public struct GatewayRenderError: Error, Sendable, Hashable, CustomStringConvertible {
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
