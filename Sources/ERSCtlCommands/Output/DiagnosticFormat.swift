import ArgumentParser
import ERSModel
import Foundation

/// How diagnostics are printed: `text` for people (`file:line:column: error: path: message`
/// on stderr, as compilers do, so editors can jump to them), `json` for CI and editors (stdout).
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json

    /// Prints `diagnostics` and a summary.
    func emit(_ diagnostics: [Diagnostic]) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        switch self {
        case .text:
            var lines = diagnostics.map { diagnostic in
                var line = diagnostic.description
                for related in diagnostic.related { line += "\n\(related): note: first defined here" }
                return line
            }
            if !diagnostics.isEmpty { lines.append("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")") }
            if !lines.isEmpty { FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8)) }
        case .json:
            let items: [[String: Any]] = diagnostics.map { diagnostic in
                var item: [String: Any] = [
                    "severity": diagnostic.severity.rawValue, "path": diagnostic.path.description, "message": diagnostic.message,
                ]
                if let location = diagnostic.location {
                    item["file"] = location.file
                    item["line"] = location.line
                    item["column"] = location.column
                }
                if !diagnostic.related.isEmpty {
                    item["related"] = diagnostic.related.map { ["file": $0.file, "line": $0.line, "column": $0.column] }
                }
                return item
            }
            let object: [String: Any] = ["diagnostics": items, "errors": errors, "warnings": warnings]
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
        }
    }
}
