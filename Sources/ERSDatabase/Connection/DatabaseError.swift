/// A database operation that failed: what was being done, what PostgreSQL (or the network)
/// said, and — where it can be told — how to fix it.
public enum DatabaseError: Error, Sendable, CustomStringConvertible {
    /// The connection could not be made: `target` is the URL without its password.
    case connect(target: String, reason: String, fix: String)
    /// PostgreSQL refused a statement.
    case server(PostgresServerError, statement: String)
    /// The connection broke or the client failed while running `statement`.
    case connection(reason: String, statement: String)
    /// A result did not have the expected shape (a bug in ERS or an unexpected server).
    case unexpectedResult(String)

    /// The PostgreSQL error, when the server sent one.
    public var serverError: PostgresServerError? {
        if case .server(let error, _) = self { return error }
        return nil
    }

    /// A message in three parts: what failed, why, how to fix it.
    public var description: String {
        switch self {
        case .connect(let target, let reason, let fix):
            return "cannot connect to \(target): \(reason)\n\(fix)"
        case .server(let error, let statement):
            return "PostgreSQL refused the statement:\n\(DatabaseError.excerpt(statement))\n\(error)"
        case .connection(let reason, let statement):
            return "the connection failed while running:\n\(DatabaseError.excerpt(statement))\n\(reason); check the server log and the network, then run the command again"
        case .unexpectedResult(let message):
            return "unexpected result from PostgreSQL: \(message); this is a bug in ersctl-db, please report it"
        }
    }

    /// `statement` indented, cut after 20 lines.
    static func excerpt(_ statement: String) -> String {
        let lines = statement.split(separator: "\n", omittingEmptySubsequences: false)
        let shown = lines.prefix(20).map { "    \($0)" }
        return (shown + (lines.count > 20 ? ["    … (\(lines.count - 20) more lines)"] : [])).joined(separator: "\n")
    }
}
