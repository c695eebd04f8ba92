public import ERSModel

/// One monthly range partition of a table: its name and its bounds, the half-open UTC month
/// `[first instant of month, first instant of the next month)`.
///
/// The bound text is what PostgreSQL 15 itself prints for the partition with
/// `pg_get_expr(relpartbound, 0)` in a session whose `TimeZone` is `UTC`, e.g.
/// `FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00')`, so maintenance
/// can recognise an existing partition by its bounds (in another time zone PostgreSQL prints
/// the same instants with that zone's offset, so compare under `SET TimeZone = 'UTC'`).
/// Source: PostgreSQL docs 5.11.2 "Declarative Partitioning", `CREATE TABLE … PARTITION OF`.
public struct MonthlyPartition: Sendable, Hashable {
    /// The partitioned parent table.
    public let table: SQLIdentifier
    /// The month the partition holds.
    public let month: YearMonth
    /// `<table>_pYYYY_MM`.
    public let name: SQLIdentifier

    /// The partition of `table` for `month`. Throws when the name would exceed 63 bytes or the
    /// month (or the next) lies outside the years 0001–9999.
    public init(table: SQLIdentifier, month: YearMonth) throws(SQLValueError) {
        guard month >= MonthlyPartition.firstMonth, month.next <= MonthlyPartition.lastUpperBound else {
            throw SQLValueError("month \(month) is outside 0001-01 … 9999-11; partition bounds need four-digit years")
        }
        self.table = table
        self.month = month
        self.name = try SQLIdentifier(validating: PartitionNaming.partition(of: table.name, month: month))
    }

    /// The earliest month a partition may hold.
    static let firstMonth = YearMonth(monthsSinceYearZero: 12)
    /// The latest upper bound a partition may have (9999-12-01 00:00:00+00).
    static let lastUpperBound = YearMonth(monthsSinceYearZero: 9999 * 12 + 11)

    /// The inclusive lower bound as a literal: `'2026-01-01 00:00:00+00'`.
    public var lowerBound: String { SQLLiteral.quoted(month.firstInstantLiteral) }
    /// The exclusive upper bound as a literal: `'2026-02-01 00:00:00+00'`.
    public var upperBound: String { SQLLiteral.quoted(month.next.firstInstantLiteral) }

    /// `FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00')`.
    public var boundSpec: String { "FOR VALUES FROM (\(lowerBound)) TO (\(upperBound))" }

    /// The idempotent statement that creates the partition in one step (it takes an ACCESS
    /// EXCLUSIVE lock on the parent while it runs — fine for a new table; on a live table
    /// maintenance creates, adds the bound's CHECK, then attaches instead):
    /// `CREATE TABLE IF NOT EXISTS reports_p2026_01 PARTITION OF reports\n    FOR VALUES …;`
    public var createStatement: String {
        "CREATE TABLE IF NOT EXISTS \(name) PARTITION OF \(table)\n    \(boundSpec);"
    }
}
