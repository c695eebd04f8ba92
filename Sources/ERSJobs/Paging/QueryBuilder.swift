public import ERSFleet
public import PostgresNIO

/// Builds a statement whose `WHERE` clause depends on the request, with every value a bound
/// parameter (`$1`, `$2`, … in the extended query protocol; PostgreSQL docs §55.2.3): SQL text
/// only ever comes from this module's literals.
public struct QueryBuilder: Sendable {
    /// The SQL so far.
    public private(set) var sql: String
    /// The parameters so far.
    public private(set) var binds = PostgresBindings()

    /// A statement starting with `sql`.
    public init(_ sql: String) {
        self.sql = sql
    }

    /// Appends SQL text (a literal of the caller, never request data).
    public mutating func append(_ text: String) {
        sql += text
    }

    /// Binds `value` and returns its placeholder (`$n`).
    /// - Throws: the value's encoding error.
    public mutating func bind(_ value: some PostgresThrowingDynamicTypeEncodable) throws -> String {
        try binds.append(value)
        return "$\(binds.count)"
    }

    /// Appends `selector` as a condition on `alias.labels`, its keys and values bound (see
    /// `LabelSelector.sqlCondition(alias:bindings:)`).
    public mutating func append(selector: LabelSelector, alias: String) {
        sql += selector.sqlCondition(alias: alias, bindings: &binds)
    }

    /// Binds `value` (NULL when nil) and returns its placeholder (`$n`).
    /// - Throws: the value's encoding error.
    public mutating func bind<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value?) throws -> String {
        try binds.append(value)
        return "$\(binds.count)"
    }

    /// The statement.
    public var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
