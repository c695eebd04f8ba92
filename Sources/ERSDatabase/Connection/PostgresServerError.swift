/// What PostgreSQL said about a failed statement: the fields of its `ErrorResponse`
/// (PostgreSQL docs 55.8 "Error and Notice Message Fields").
public struct PostgresServerError: Sendable, Hashable, CustomStringConvertible {
    /// The five-character SQLSTATE, e.g. `23514` (docs Appendix A "PostgreSQL Error Codes").
    public var sqlState: String
    /// `ERROR`, `FATAL` or `PANIC`.
    public var severity: String?
    /// The primary message.
    public var message: String
    /// The optional detail line.
    public var detail: String?
    /// The optional hint: what to do about it.
    public var hint: String?
    /// 1-based character position in the statement where the error was found, if any.
    public var position: Int?
    /// Where in a function or DO block it happened (`CONTEXT` lines).
    public var context: String?

    /// Creates an error from its fields.
    public init(
        sqlState: String, severity: String? = nil, message: String, detail: String? = nil, hint: String? = nil,
        position: Int? = nil, context: String? = nil
    ) {
        self.sqlState = sqlState
        self.severity = severity
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
        self.context = context
    }

    /// `ERROR 42P01: relation "x" does not exist`, then `DETAIL:`, `HINT:` and `CONTEXT:`
    /// lines when PostgreSQL sent them (as psql prints them).
    public var description: String {
        var lines = ["\(severity ?? "ERROR") \(sqlState): \(message)"]
        if let detail { lines.append("DETAIL: \(detail)") }
        if let hint { lines.append("HINT: \(hint)") }
        if let context { lines.append("CONTEXT: \(context)") }
        return lines.joined(separator: "\n")
    }

    /// SQLSTATE `55P03` lock_not_available: `lock_timeout` expired (or `NOWAIT`).
    public var isLockNotAvailable: Bool { sqlState == "55P03" }
    /// SQLSTATE `40P01` deadlock_detected or `40001` serialization_failure: retrying may succeed.
    public var isTransient: Bool { isLockNotAvailable || sqlState == "40P01" || sqlState == "40001" }
}
