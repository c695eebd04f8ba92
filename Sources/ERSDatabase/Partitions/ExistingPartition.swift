public import ERSModel

/// A partition of a partitioned table as the catalog describes it (`pg_inherits`,
/// `pg_class.relpartbound`, printed by `pg_get_expr(relpartbound, 0)` under `TimeZone=UTC`).
/// Maintenance goes by these bounds, never by the name.
public struct ExistingPartition: Sendable, Hashable {
    /// Its schema.
    public var schema: String
    /// Its name.
    public var name: String
    /// The bound as PostgreSQL prints it: `FOR VALUES FROM ('2026-01-01 00:00:00+00') TO (…)` or `DEFAULT`.
    public var bound: String
    /// Inclusive lower bound, seconds since 1970-01-01 UTC; `-infinity` for `MINVALUE`.
    public var lower: Double
    /// Exclusive upper bound, seconds since 1970-01-01 UTC; `+infinity` for `MAXVALUE`.
    public var upper: Double
    /// Whether this is the DEFAULT partition.
    public var isDefault: Bool
    /// `pg_class.reltuples`: the planner's row estimate; negative when never analysed.
    public var estimatedRows: Double
    /// Whether a `DETACH PARTITION … CONCURRENTLY` was interrupted and awaits `FINALIZE`.
    public var detachPending: Bool

    /// Creates a partition description.
    public init(
        schema: String, name: String, bound: String, lower: Double, upper: Double, isDefault: Bool,
        estimatedRows: Double, detachPending: Bool
    ) {
        self.schema = schema
        self.name = name
        self.bound = bound
        self.lower = lower
        self.upper = upper
        self.isDefault = isDefault
        self.estimatedRows = estimatedRows
        self.detachPending = detachPending
    }

    /// The UTC month the partition holds exactly, when its bounds are one month's first instant
    /// and the next month's; nil for the DEFAULT and for other ranges.
    public var month: YearMonth? {
        guard !isDefault, lower.isFinite, upper.isFinite, lower == lower.rounded(.down),
              abs(lower) < 1e15 else { return nil }
        let candidate = YearMonth(containingUnixTime: Int64(lower))
        guard Double(candidate.firstInstantUnixTime) == lower, Double(candidate.next.firstInstantUnixTime) == upper else { return nil }
        return candidate
    }

    /// Whether the partition holds every instant of `month`.
    public func covers(_ month: YearMonth) -> Bool {
        !isDefault && lower <= Double(month.firstInstantUnixTime) && upper >= Double(month.next.firstInstantUnixTime)
    }

    /// Whether the partition holds some instant of `month`.
    public func overlaps(_ month: YearMonth) -> Bool {
        !isDefault && lower < Double(month.next.firstInstantUnixTime) && upper > Double(month.firstInstantUnixTime)
    }

    /// `schema.name`, quoted where needed.
    var qualifiedName: String { SQLText.qualified(schema, name) }
}
