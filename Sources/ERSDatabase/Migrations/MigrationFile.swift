public import ERSSQL
import ERSRender

/// One migration file read from the migrations directory: its name (version or repeatable),
/// text, SHA-256 and statements.
public struct MigrationFile: Sendable, Hashable {
    /// The parsed file name (`0001_create_reports.sql`, `R__partitions.sql`).
    public let name: MigrationFileName
    /// The path as given on the command line plus the file name, for messages.
    public let path: String
    /// The file's text.
    public let contents: String
    /// Lower-case hex SHA-256 of the file's UTF-8 bytes (what the history records).
    public let checksum: String
    /// Whether the header carries `-- ers:migrate no-transaction` (statements then run one by
    /// one outside a transaction).
    public let isNonTransactional: Bool
    /// The statements, in order, with their line numbers.
    public let statements: [MigrationStatement]

    /// A file named `name` at `path` with `contents`.
    public init(name: MigrationFileName, path: String, contents: String) {
        self.name = name
        self.path = path
        self.contents = contents
        self.checksum = Checksum.sha256Hex(contents)
        self.isNonTransactional = MigrationHeader.isNonTransactional(contents)
        self.statements = MigrationStatement.statements(in: contents)
    }

    /// The version, for a versioned file.
    public var version: Int? {
        if case .versioned(let version, _) = name { return version }
        return nil
    }

    /// The description part of the name (`create_reports`, `partitions`).
    public var migrationDescription: String {
        switch name {
        case .versioned(_, let text), .repeatable(let text): text
        }
    }

    /// How the file runs, for plans: `in one transaction` or `outside a transaction, statement by statement`.
    public var modeDescription: String {
        isNonTransactional ? "outside a transaction, statement by statement" : "in one transaction"
    }
}

/// One statement of a migration file and the line it starts on.
public struct MigrationStatement: Sendable, Hashable {
    /// The statement without its terminating `;`.
    public let sql: String
    /// 1-based line of the file where the statement starts.
    public let line: Int

    /// The statements of `script` as `SQLStatementSplitter` cuts them, each with its line.
    static func statements(in script: String) -> [MigrationStatement] {
        var result: [MigrationStatement] = []
        var cursor = script.startIndex
        var line = 1
        for sql in SQLStatementSplitter.statements(in: script) {
            guard let range = script.range(of: sql, range: cursor..<script.endIndex) else {
                result.append(MigrationStatement(sql: sql, line: line))
                continue
            }
            line += script[cursor..<range.lowerBound].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            result.append(MigrationStatement(sql: sql, line: line))
            line += sql.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            cursor = range.upperBound
        }
        return result
    }

    /// The first key word, upper-cased (`CREATE`, `BEGIN`), skipping leading comments.
    var keyword: String {
        var text = Substring(sql)
        while true {
            text = text.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
            if text.hasPrefix("--") {
                text = text.drop { $0 != "\n" }
            } else if text.hasPrefix("/*"), let end = text.range(of: "*/") {
                text = text[end.upperBound...]
            } else {
                break
            }
        }
        return String(text.prefix { $0.isLetter }).uppercased()
    }
}
