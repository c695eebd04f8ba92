import ERSModel
import Yams

/// Parses one spec file's text into a ``SpecNode`` tree, collecting problems instead of stopping
/// at the first: a duplicate key is reported with both places, then parsing goes on with the
/// duplicate left out, so the rest of the file is still checked.
struct SpecDocumentParser {
    /// The file name stamped into every location.
    let file: String

    /// Parses `text`. Returns the tree (nil when the YAML is not well formed or empty) and the
    /// problems found. Never throws: every failure is a diagnostic.
    func parse(_ text: String) -> (node: SpecNode?, diagnostics: [Diagnostic]) {
        var text = text
        var diagnostics: [Diagnostic] = []
        // Each round removes one duplicate key; a file cannot have more duplicates than lines.
        for _ in 0..<max(1, text.count) {
            do {
                guard let node = try Yams.compose(yaml: text, .basic) else {
                    diagnostics.append(Diagnostic(
                        .error, .root, "the file is empty; it must be a mapping with at least `environment` (and `base` for an overlay)",
                        location: SourceLocation(file: file, line: 1, column: 1)))
                    return (nil, diagnostics)
                }
                let tree = SpecNode(node, file: file)
                return (tree, Self.placingDuplicates(diagnostics, in: tree))
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                guard let key = keys.first,
                      let duplicate = DuplicateKeyLocator(text: text).secondOccurrence(of: key, after: context.mark)
                else {
                    diagnostics.append(Diagnostic(
                        .error, .root, "duplicate key '\(keys.joined(separator: "', '"))'; each key may appear once per mapping",
                        location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column)))
                    return (nil, diagnostics)
                }
                let first = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
                diagnostics.append(Diagnostic(
                    .error, .root,
                    "duplicate key '\(key)' (first at \(first)); each key may appear once per mapping — remove one, or merge them",
                    location: SourceLocation(file: file, line: duplicate.line, column: duplicate.column), related: [first]))
                text = duplicate.textWithoutKey
            } catch {
                diagnostics.append(syntaxDiagnostic(error))
                return (nil, diagnostics)
            }
        }
        return (nil, diagnostics)
    }

    /// Gives each duplicate-key diagnostic the field path of the duplicate, found by the
    /// placeholder key that replaced it in the tree.
    private static func placingDuplicates(_ diagnostics: [Diagnostic], in tree: SpecNode) -> [Diagnostic] {
        var paths: [SourceLocation: FieldPath] = [:]
        func walk(_ node: SpecNode, _ path: FieldPath) {
            switch node {
            case .scalar:
                return
            case .mapping(let mapping):
                for entry in mapping.entries {
                    if entry.key.hasPrefix(DuplicateKeyLocator.placeholderPrefix) {
                        paths[entry.keyLocation] = path
                    } else {
                        walk(entry.value, path.key(entry.key))
                    }
                }
            case .sequence(let sequence):
                for (index, item) in sequence.items.enumerated() {
                    walk(item, item.nameField.map { path.name($0) } ?? path.index(index))
                }
            }
        }
        walk(tree, .root)
        return diagnostics.map { diagnostic in
            guard let location = diagnostic.location, let parent = paths[location],
                  let key = diagnostic.message.split(separator: "'").dropFirst().first else { return diagnostic }
            var placed = diagnostic
            placed.path = parent.key(String(key))
            return placed
        }
    }

    private func syntaxDiagnostic(_ error: any Error) -> Diagnostic {
        var line = 1, column = 1, problem = "\(error)"
        switch error as? YamlError {
        case .scanner(let context, let message, let mark, _), .parser(let context, let message, let mark, _),
             .composer(let context, let message, let mark, _):
            line = mark.line
            column = mark.column
            problem = [context?.text, message].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        case .reader(let message, _, _, _):
            problem = message
        default:
            break
        }
        return Diagnostic(
            .error, .root, "not valid YAML: \(problem); fix the syntax (indentation, quotes, a missing ':')",
            location: SourceLocation(file: file, line: line, column: column))
    }
}
