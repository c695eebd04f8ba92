/// The name of a migration file in the rendered `sql/` folder — the contract between the DDL
/// renderer and the migration runner (`ersctl migrate`).
///
/// - Versioned: `NNNN_description.sql` (at least four digits, version ≥ 1, e.g.
///   `0001_create_reports.sql`). Applied once, in version order; its SHA-256 is recorded and a
///   later change to an applied file is an error.
/// - Repeatable: `R__description.sql` (e.g. `R__partitions.sql`). Applied after every versioned
///   file, and applied again whenever its checksum differs from the last applied one; a change
///   is expected, never an error. Its statements must be idempotent.
///
/// The description is `[a-z0-9_]+`. Sorting file names as bytes gives the apply order (digits
/// sort before `R`), which is also what `psql` loops and `docker-entrypoint-initdb.d` do.
/// (Repeatable migrations as in Flyway: https://documentation.red-gate.com/fd/migrations-184127470.html)
public enum MigrationFileName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `NNNN_description.sql`.
    case versioned(version: Int, description: String)
    /// `R__description.sql`.
    case repeatable(description: String)

    /// Parses a file name (no directory); nil when it is neither form.
    public init?(_ fileName: String) {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = String(fileName.dropLast(4))
        if stem.hasPrefix("R__") {
            let description = String(stem.dropFirst(3))
            guard MigrationFileName.isDescription(description) else { return nil }
            self = .repeatable(description: description)
            return
        }
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 4, digits.count <= 9, let version = Int(digits), version >= 1 else { return nil }
        let rest = stem.dropFirst(digits.count)
        guard rest.first == "_" else { return nil }
        let description = String(rest.dropFirst())
        guard MigrationFileName.isDescription(description) else { return nil }
        self = .versioned(version: version, description: description)
    }

    /// The file name: `0001_create_reports.sql`, `R__partitions.sql`.
    public var description: String {
        switch self {
        case .versioned(let version, let text):
            let digits = String(version)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + text + ".sql"
        case .repeatable(let text):
            return "R__" + text + ".sql"
        }
    }

    /// Whether the runner re-applies the file when it changes.
    public var isRepeatable: Bool {
        if case .repeatable = self { return true }
        return false
    }

    /// Apply order: versioned by version (then description), then repeatable by description.
    public static func < (lhs: MigrationFileName, rhs: MigrationFileName) -> Bool {
        switch (lhs, rhs) {
        case let (.versioned(left, leftText), .versioned(right, rightText)): (left, leftText) < (right, rightText)
        case (.versioned, .repeatable): true
        case (.repeatable, .versioned): false
        case let (.repeatable(left), .repeatable(right)): left < right
        }
    }

    /// A description for a file name made from `text`: lower-cased, every character outside
    /// `[a-z0-9_]` (such as `$`) replaced by `_`.
    public static func describing(_ text: String) -> String {
        String(text.lowercased().map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || character == "_") ? character : "_"
        })
    }

    /// Whether `text` is a non-empty `[a-z0-9_]+`.
    static func isDescription(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }
}
