/// A column default the renderer accepts (`partitionedTables[].columns[].default`): a small
/// closed grammar instead of free SQL, so a spec cannot smuggle statements into the DDL and
/// every default fits its column's type.
///
/// Accepted: `now()`, `clock_timestamp()`, `statement_timestamp()`, `transaction_timestamp()`
/// and `CURRENT_TIMESTAMP` for `timestamptz`; `gen_random_uuid()` for `uuid`; `true`/`false`
/// for `boolean`; integer literals (`0`, `-1`) for integer and numeric types; decimal literals
/// (`0.5`) for `numeric`; a single-quoted string literal (`'pending'`, `'{}'`, quotes doubled)
/// optionally cast to an allow-listed type (`'{}'::jsonb`).
/// Source: PostgreSQL docs 5.2 "Default Values", 9.9.5 "Current Date/Time", 9.14 "UUID Functions",
/// 4.1.2.1 "String Constants".
public struct SQLDefaultExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written in the rendered DDL, e.g. `now()`.
    public let sql: String

    /// Checks `text` against the grammar above and the column type `type`; throws with what is
    /// wrong and what would be right.
    public init(parsing text: String, for type: SQLColumnType) throws(SQLValueError) {
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        let lowered = trimmed.lowercased()
        if let function = SQLDefaultExpression.functionTypes[lowered] {
            guard function.type == type else {
                throw SQLValueError("`\(text)` gives a `\(function.type)`, not a `\(type)`; \(SQLDefaultExpression.suggestion(for: type))")
            }
            sql = function.canonical
        } else if lowered == "true" || lowered == "false" {
            guard type == .boolean else {
                throw SQLValueError("`\(text)` is a boolean, not a `\(type)`; \(SQLDefaultExpression.suggestion(for: type))")
            }
            sql = lowered
        } else if SQLDefaultExpression.isNumber(trimmed, allowFraction: false) {
            guard [.bigint, .integer, .smallint].contains(type) || SQLDefaultExpression.isNumeric(type) else {
                throw SQLValueError("`\(text)` is a number, not a `\(type)`; \(SQLDefaultExpression.suggestion(for: type))")
            }
            sql = trimmed
        } else if SQLDefaultExpression.isNumber(trimmed, allowFraction: true) {
            guard SQLDefaultExpression.isNumeric(type) else {
                throw SQLValueError("`\(text)` is a decimal number, not a `\(type)`; \(SQLDefaultExpression.suggestion(for: type))")
            }
            sql = trimmed
        } else if let literal = try SQLDefaultExpression.stringLiteral(trimmed, original: text) {
            sql = literal
        } else {
            throw SQLValueError(
                "`\(text)` is not an accepted default; use now() or CURRENT_TIMESTAMP (timestamptz), "
                    + "gen_random_uuid() (uuid), true/false, a number, or a quoted literal such as '{}'::jsonb")
        }
    }

    /// The expression.
    public var description: String { sql }

    /// A default-value function or key word and the column type it suits.
    struct Function: Sendable {
        /// As written in the DDL.
        let canonical: String
        /// The type of its result.
        let type: SQLColumnType
    }

    /// Accepted functions, by lower-cased spelling.
    static let functionTypes: [String: Function] = [
        "now()": Function(canonical: "now()", type: .timestamptz),
        "clock_timestamp()": Function(canonical: "clock_timestamp()", type: .timestamptz),
        "statement_timestamp()": Function(canonical: "statement_timestamp()", type: .timestamptz),
        "transaction_timestamp()": Function(canonical: "transaction_timestamp()", type: .timestamptz),
        "current_timestamp": Function(canonical: "CURRENT_TIMESTAMP", type: .timestamptz),
        "gen_random_uuid()": Function(canonical: "gen_random_uuid()", type: .uuid),
    ]

    /// A default that would suit `type`, for messages.
    static func suggestion(for type: SQLColumnType) -> String {
        switch type {
        case .timestamptz: "use now()"
        case .uuid: "use gen_random_uuid()"
        case .boolean: "use true or false"
        case .bigint, .integer, .smallint, .numeric: "use a number such as 0"
        case .jsonb, .json: "use a quoted JSON literal such as '{}'"
        case .text, .varchar, .inet: "use a quoted literal such as 'value'"
        }
    }

    /// Whether `type` is `numeric(p,s)`.
    static func isNumeric(_ type: SQLColumnType) -> Bool {
        if case .numeric = type { return true }
        return false
    }

    /// Whether `text` is `-?[0-9]+` (or, with `allowFraction`, `-?[0-9]+\.[0-9]+`), at most 30 digits.
    static func isNumber(_ text: String, allowFraction: Bool) -> Bool {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == (allowFraction ? 2 : 1), body.count <= 30 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `'…'` or `'…'::type` with inner quotes doubled and no control characters, rendered with
    /// the cast's type in canonical form; nil when `text` does not start with a quote.
    static func stringLiteral(_ text: String, original: String) throws(SQLValueError) -> String? {
        guard text.first == "'" else { return nil }
        var index = text.index(after: text.startIndex)
        var closed: String.Index?
        while index < text.endIndex {
            let character = text[index]
            guard !(character.isASCII && (character.asciiValue ?? 0) < 0x20) else {
                throw SQLValueError("`\(original)` contains a control character; keep defaults on one line")
            }
            if character == "'" {
                let after = text.index(after: index)
                if after < text.endIndex && text[after] == "'" {
                    index = text.index(after: after)
                    continue
                }
                closed = after
                break
            }
            index = text.index(after: index)
        }
        guard let end = closed else {
            throw SQLValueError("`\(original)` has no closing quote; write a quote inside a literal as ''")
        }
        let literal = String(text[text.startIndex..<end])
        let rest = text[end...]
        if rest.isEmpty { return literal }
        guard rest.hasPrefix("::") else {
            throw SQLValueError("`\(original)` has text after the literal; only a cast such as `::jsonb` may follow it")
        }
        let type = try SQLColumnType(parsing: String(rest.dropFirst(2)))
        return "\(literal)::\(type)"
    }
}
