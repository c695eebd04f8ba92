/// A PostgreSQL identifier ERS writes without quotes: lower case `[a-z_][a-z0-9_$]*`, at most
/// 63 bytes, not a reserved key word. Such a name means the same quoted or not, so what the
/// services are configured with (`REPORTS_TABLE: reports`) is exactly the name in the catalog.
///
/// Longer names are an error, never truncated: PostgreSQL itself silently truncates identifiers
/// to `NAMEDATALEN - 1` = 63 bytes, so two long names could collide.
/// Source: PostgreSQL docs 4.1.1 "Identifiers and Key Words" and Appendix C "SQL Key Words".
public struct SQLIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The most bytes an identifier may have (`NAMEDATALEN - 1`).
    public static let maximumLength = 63

    /// The identifier, as written in SQL and stored in the catalog.
    public let name: String

    /// Checks `name` against the rules above; throws with what is wrong and how to fix it.
    public init(validating name: String) throws(SQLValueError) {
        if let problem = SQLIdentifier.problem(with: name) { throw problem }
        self.name = name
    }

    /// The identifier as it appears in SQL (never needs quotes).
    public var description: String { name }

    /// Orders by name.
    public static func < (lhs: SQLIdentifier, rhs: SQLIdentifier) -> Bool { lhs.name < rhs.name }

    /// What is wrong with `name` as an unquoted identifier, or nil when nothing is. Length is
    /// checked first and reported in bytes (UTF-8), as PostgreSQL counts.
    public static func problem(with name: String) -> SQLValueError? {
        let length = name.utf8.count
        if length == 0 {
            return SQLValueError("is empty; give a lower-case name such as `reports`")
        }
        if length > maximumLength {
            return SQLValueError(
                "`\(name)` is \(length) bytes; PostgreSQL identifiers are at most \(maximumLength) bytes "
                    + "(longer ones are silently truncated): shorten it by \(length - maximumLength) bytes")
        }
        if !isPlainLowerCase(name) {
            return SQLValueError(
                "`\(name)` is not a plain lower-case identifier; use only a-z, 0-9, _ and $, "
                    + "starting with a letter or _ (e.g. `\(suggestion(for: name))`)")
        }
        if reservedKeywords.contains(name) {
            return SQLValueError(
                "`\(name)` is a reserved key word in PostgreSQL 15 and would need quoting everywhere; "
                    + "choose another name (e.g. `\(name)_value`)")
        }
        return nil
    }

    /// Whether `name` is `[a-z_][a-z0-9_$]*` (ASCII only).
    static func isPlainLowerCase(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_")
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if first ? !isLetter : !(isLetter || isDigit || byte == UInt8(ascii: "$")) { return false }
            first = false
        }
        return !first
    }

    /// A plain lower-case name close to `name`, for hints: lower-cased, other characters as `_`.
    static func suggestion(for name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            let plain = character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "$")
            result.append(plain ? character : "_")
        }
        if let first = result.first, !(first.isLetter || first == "_") { result = "_" + result }
        return result.isEmpty ? "name" : result
    }
}
