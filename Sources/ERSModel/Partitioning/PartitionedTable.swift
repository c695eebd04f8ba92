/// A PostgreSQL table range-partitioned by a `timestamptz` column (`partitionedTables[]`).
/// Partitions are monthly, named `<table>_pYYYY_MM`, bounds in UTC.
public struct PartitionedTable: Sendable, Hashable, Codable {
    /// Table name (PostgreSQL identifier: lower case, at most 63 bytes with the `_pYYYY_MM` suffix).
    public var name: String
    /// The partition key column (must be a `timestamptz NOT NULL` column).
    public var partitionColumn: String
    /// Partition interval.
    public var interval: PartitionInterval
    /// Partitions created ahead of the current month (PostgreSQL "premake", at least 1).
    public var premake: Int
    /// How long partitions are kept; nil keeps them forever.
    public var retention: Retention?
    /// Whether a DEFAULT partition catches rows outside every partition (default false).
    public var defaultPartition: Bool?
    /// Columns, in order.
    public var columns: [Column]
    /// Primary key columns; must include `partitionColumn`.
    public var primaryKey: [String]
    /// Indexes on the parent (PostgreSQL creates them on every partition).
    public var indexes: [TableIndex]?

    /// Creates a table.
    public init(
        name: String, partitionColumn: String, interval: PartitionInterval, premake: Int,
        retention: Retention? = nil, defaultPartition: Bool? = nil, columns: [Column], primaryKey: [String],
        indexes: [TableIndex]? = nil
    ) {
        self.name = name
        self.partitionColumn = partitionColumn
        self.interval = interval
        self.premake = premake
        self.retention = retention
        self.defaultPartition = defaultPartition
        self.columns = columns
        self.primaryKey = primaryKey
        self.indexes = indexes
    }
}

/// Partition intervals ERS maintains.
public enum PartitionInterval: String, Sendable, Hashable, Codable, CaseIterable {
    case monthly
}

/// Partition retention: partitions wholly older than `months` are detached, then dropped or kept.
public struct Retention: Sendable, Hashable, Codable {
    /// Months kept, counting the current one (at least 1).
    public var months: Int
    /// What happens after the detach.
    public var action: RetentionAction

    /// Creates a retention.
    public init(months: Int, action: RetentionAction) {
        self.months = months
        self.action = action
    }
}

/// What retention does to an old partition after detaching it.
public enum RetentionAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// `DROP TABLE` after `DETACH PARTITION`.
    case drop
    /// Keep the detached table (archive it yourself).
    case detach
}

/// A table column.
public struct Column: Sendable, Hashable, Codable {
    /// Column name (lower-case PostgreSQL identifier).
    public var name: String
    /// PostgreSQL type: `bigint`, `integer`, `text`, `varchar(N)`, `jsonb`, `timestamptz`,
    /// `inet`, `boolean`, `uuid`.
    public var type: String
    /// Whether NULL is allowed (default true; false for primary key columns).
    public var nullable: Bool?
    /// Default expression, e.g. `now()`.
    public var `default`: String?
    /// `GENERATED ALWAYS AS IDENTITY` (for a `bigint` id).
    public var identity: Bool?

    /// Creates a column.
    public init(name: String, type: String, nullable: Bool? = nil, default: String? = nil, identity: Bool? = nil) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.default = `default`
        self.identity = identity
    }
}

/// An index on the partitioned parent.
public struct TableIndex: Sendable, Hashable, Codable {
    /// Index name (at most 63 bytes).
    public var name: String
    /// Indexed columns, in order.
    public var columns: [String]
    /// Access method (default `btree`).
    public var method: IndexMethod?

    /// Creates an index.
    public init(name: String, columns: [String], method: IndexMethod? = nil) {
        self.name = name
        self.columns = columns
        self.method = method
    }
}

/// Index access methods.
public enum IndexMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case btree, gin, brin, hash
}
