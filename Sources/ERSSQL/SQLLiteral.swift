/// PostgreSQL string constants.
/// Source: PostgreSQL docs 4.1.2.1 "String Constants" (standard_conforming_strings is on by
/// default since 9.1, so a backslash is an ordinary character).
enum SQLLiteral {
    /// `text` as a single-quoted string constant, inner quotes doubled: `it's` → `'it''s'`.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension String {
    /// This string with every `target` replaced by `replacement` (no Foundation needed).
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
