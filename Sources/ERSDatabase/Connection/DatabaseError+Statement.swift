public import PostgresNIO

extension DatabaseError {
    /// The ``DatabaseError`` for `error` thrown while running `statement` through any
    /// postgres-nio connection or pool: PostgreSQL's own message and SQLSTATE when the server
    /// sent one (postgres-nio's `PSQLError` description hides them), the connection failure
    /// otherwise. A ``DatabaseError`` is returned unchanged.
    public static func statement(_ statement: String, failedWith error: any Error) -> DatabaseError {
        if let error = error as? DatabaseError { return error }
        if let error = error as? PSQLError { return DatabaseSession.statementError(error, statement: statement) }
        return .connection(reason: String(describing: error), statement: statement)
    }
}
