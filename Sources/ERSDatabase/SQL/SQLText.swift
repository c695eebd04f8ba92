import ERSSQL

/// Identifiers and literals written into SQL text that ERS builds (DDL cannot take bind
/// parameters). Source: PostgreSQL docs 4.1.1 "Identifiers", 4.1.2.1 "String Constants"
/// (`standard_conforming_strings` on, so a backslash is an ordinary character).
enum SQLText {
    /// `name` as written in SQL: bare when it is a plain lower-case identifier that is not a
    /// reserved word (`reports`), else double-quoted with inner quotes doubled (`"Reports"`).
    static func identifier(_ name: String) -> String {
        if SQLIdentifier.problem(with: name) == nil { return name }
        return "\"" + name.replacing("\"", with: "\"\"") + "\""
    }

    /// `schema.name`, each part quoted as needed.
    static func qualified(_ schema: String, _ name: String) -> String {
        identifier(schema) + "." + identifier(name)
    }

    /// `text` as a string constant: `'it''s'`.
    static func literal(_ text: String) -> String {
        "'" + text.replacing("'", with: "''") + "'"
    }
}
