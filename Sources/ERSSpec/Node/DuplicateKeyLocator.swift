import Yams

/// Finds the second occurrence of a duplicate mapping key, which Yams does not report: the
/// next line after the first occurrence whose key starts in the same column, before the
/// mapping ends (a non-blank, non-comment line indented less). Flow mappings on one line are
/// searched after the first occurrence on that line.
struct DuplicateKeyLocator {
    /// The file's text.
    let text: String

    /// The duplicate's 1-based position and the text with that key renamed out of the way.
    struct Found {
        var line: Int
        var column: Int
        var textWithoutKey: String
    }

    /// Looks for `key` after the first occurrence at `mark` (1-based line and column).
    func secondOccurrence(of key: String, after mark: Mark) -> Found? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstIndex = mark.line - 1
        guard lines.indices.contains(firstIndex) else { return nil }
        let indent = mark.column - 1
        let spellings = [key, "\"\(key)\"", "'\(key)'"]

        // Flow mapping: the duplicate on the same line.
        let firstLine = Array(lines[firstIndex])
        if indent < firstLine.count {
            let rest = String(firstLine[(indent + 1)...])
            for spelling in spellings {
                for separator in [", ", ","] {
                    if let range = rest.range(of: "\(separator)\(spelling):") {
                        let column = indent + 1 + rest.distance(from: rest.startIndex, to: range.lowerBound) + separator.count
                        return rename(&lines, line: firstIndex, column: column, length: spelling.count)
                    }
                }
            }
        }
        // Block mapping: a later line with the key at the same indentation.
        var index = firstIndex + 1
        while index < lines.count {
            let line = Array(lines[index])
            let leading = line.prefix { $0 == " " }.count
            let content = String(line.dropFirst(leading))
            if !content.isEmpty, !content.hasPrefix("#") {
                if leading < indent { return nil }
                if leading == indent {
                    for spelling in spellings where content.hasPrefix("\(spelling):") {
                        return rename(&lines, line: index, column: indent, length: spelling.count)
                    }
                }
            }
            index += 1
        }
        return nil
    }

    /// Replaces the key at (0-based) `line`, `column` with a placeholder that cannot clash.
    private func rename(_ lines: inout [String], line: Int, column: Int, length: Int) -> Found {
        var characters = Array(lines[line])
        let placeholder = Array(DuplicateKeyLocator.placeholderPrefix + "\(line)")
        characters.replaceSubrange(column..<(column + length), with: placeholder)
        lines[line] = String(characters)
        return Found(line: line + 1, column: column + 1, textWithoutKey: lines.joined(separator: "\n"))
    }

    /// Keys starting with this were duplicates renamed by the parser; checks skip them.
    static let placeholderPrefix = "__ers_duplicate_key_"
}
