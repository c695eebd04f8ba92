import ERSModel
import ERSRender
import ERSSpec

/// Loading a spec and rendering it, with every problem of both stages placed at its
/// file:line:column: what `render`, `validate` and `diff` share.
struct SpecRendering {
    /// Rendered files; empty when there was any error.
    var files: [RenderedFile]
    /// Every problem, sorted by place.
    var diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Loads `path` and, when it has no errors, renders it as of `asOf`.
    init(path: String, asOf: YearMonth) {
        let loaded = SpecLoader().load(path: path)
        guard let spec = loaded.spec, !loaded.hasErrors else {
            files = []
            diagnostics = loaded.diagnostics
            return
        }
        let output = RenderPipeline(asOf: asOf).render(spec)
        var all = loaded.diagnostics
        let known = Set(all.map { "\($0.path) \($0.message)" })
        for var diagnostic in output.diagnostics where !known.contains("\(diagnostic.path) \(diagnostic.message)") {
            diagnostic.location = loaded.sourceMap?.location(of: diagnostic.path)
            all.append(diagnostic)
        }
        files = output.files
        diagnostics = all.sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case (let l?, let r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (lhs.severity, lhs.message) < (rhs.severity, rhs.message)
            }
        }
    }
}
