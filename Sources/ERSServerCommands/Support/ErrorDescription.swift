import PostgresNIO

/// A message for `error` that says what PostgreSQL answered: postgres-nio's own description of
/// `PSQLError` is deliberately generic ("to prevent accidental leakage"), so the server's
/// message and SQLSTATE are taken from its fields (never the query's bound values).
func describe(_ error: any Error) -> String {
    if let error = error as? PostgresTransactionError {
        if let inner = error.closureError ?? error.beginError ?? error.commitError { return describe(inner) }
    }
    if let error = error as? PSQLError {
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return "PostgreSQL: \(message)\(state)"
        }
        return "PostgreSQL: \(error.code)"
    }
    return "\(error)"
}
