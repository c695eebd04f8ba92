extension SQLColumnType {
    /// Parses a spec type such as `bigint`, `varchar(255)`, `numeric(12, 2)` or `TIMESTAMPTZ`
    /// (case and blanks inside the parentheses do not matter). Anything outside the allow-list
    /// throws with a hint: `timestamp` (no time zone) → `timestamptz`, `serial` → an identity
    /// `bigint`, synonyms such as `int8` → the canonical name.
    public init(parsing text: String) throws(SQLValueError) {
        let compact = SQLColumnType.normalized(text)
        if let simple = SQLColumnType.simpleTypes[compact] {
            self = simple
            return
        }
        if let arguments = SQLColumnType.arguments(of: compact, after: "varchar") ?? SQLColumnType.arguments(of: compact, after: "charactervarying") {
            guard arguments.count == 1, let length = arguments.first, (1...10_485_760).contains(length) else {
                throw SQLValueError("`\(text)` needs one length from 1 to 10485760, e.g. `varchar(255)`")
            }
            self = .varchar(length: length)
            return
        }
        if let arguments = SQLColumnType.arguments(of: compact, after: "numeric") ?? SQLColumnType.arguments(of: compact, after: "decimal") {
            guard (1...2).contains(arguments.count), let precision = arguments.first, (1...1000).contains(precision) else {
                throw SQLValueError("`\(text)` needs a precision from 1 to 1000 and a scale from 0 to it, e.g. `numeric(12,2)`")
            }
            let scale = arguments.count == 2 ? arguments[1] : 0
            guard (0...precision).contains(scale) else {
                throw SQLValueError("`\(text)` has scale \(scale); the scale must be from 0 to the precision \(precision)")
            }
            self = .numeric(precision: precision, scale: scale)
            return
        }
        throw SQLValueError(SQLColumnType.hint(for: text, compact: compact))
    }

    /// The allowed types, for messages.
    static let allowedList =
        "bigint, integer, smallint, text, varchar(N), jsonb, json, timestamptz, boolean, uuid, inet, numeric(p,s)"

    /// Types without arguments, by normalized name.
    static let simpleTypes: [String: SQLColumnType] = [
        "bigint": .bigint, "integer": .integer, "smallint": .smallint, "text": .text, "jsonb": .jsonb,
        "json": .json, "timestamptz": .timestamptz, "boolean": .boolean, "uuid": .uuid, "inet": .inet,
    ]

    /// Other spellings PostgreSQL accepts, and the allow-listed way to write them.
    static let synonyms: [String: String] = [
        "int8": "bigint", "int": "integer", "int4": "integer", "int2": "smallint", "bool": "boolean",
        "timestampwithtimezone": "timestamptz", "charactervarying": "varchar(N)", "varchar": "varchar(N)",
        "numeric": "numeric(p,s)", "decimal": "numeric(p,s)",
    ]

    /// Why `text` is refused, and what to write instead.
    static func hint(for text: String, compact: String) -> String {
        if compact == "timestamp" || compact == "timestampwithouttimezone" || compact.hasPrefix("timestamp(") {
            return "`\(text)` (timestamp without time zone) stores wall-clock time with no zone: bounds and "
                + "comparisons would follow each session's TimeZone; use `timestamptz`"
        }
        if ["serial", "serial4", "smallserial", "serial2", "bigserial", "serial8"].contains(compact) {
            return "`\(text)` is not a type but a sequence default (and `serial` is 32-bit); use `type: bigint` "
                + "with `identity: true` (GENERATED ALWAYS AS IDENTITY)"
        }
        if let canonical = synonyms[compact] {
            return "write `\(text)` as `\(canonical)`"
        }
        return "`\(text)` is not an allowed column type; use one of \(allowedList)"
    }

    /// Lower-cased, with every blank removed.
    static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace })
    }

    /// `[12, 2]` for `numeric(12,2)` with `name` = `numeric`; nil if `compact` is not
    /// `name(…)`; an empty list when the parenthesised part is not comma-separated decimals.
    static func arguments(of compact: String, after name: String) -> [Int]? {
        guard compact.hasPrefix(name + "("), compact.hasSuffix(")") else { return nil }
        let inner = compact.dropFirst(name.count + 1).dropLast()
        var numbers: [Int] = []
        for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part) else { return [] }
            numbers.append(value)
        }
        return numbers
    }
}
