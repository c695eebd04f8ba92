/// A value from the spec that cannot go into PostgreSQL DDL as written: an identifier, a column
/// type or a default expression. ``message`` says what is wrong and what would be right; the
/// caller adds where (a ``Diagnostic`` with the field path).
public struct SQLValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and how to fix it, e.g. "`timestamp` has no time zone; use `timestamptz`".
    public var message: String

    /// Creates an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
