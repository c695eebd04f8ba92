public import ERSModel

/// What the catalog says about one partitioned table of the spec: the parent, its partitions
/// (by bounds), its DEFAULT partition and that partition's rows per month, tables a previous
/// retention run detached and left to drop, and relations that already use the names new
/// partitions would get.
public struct TableInventory: Sendable, Hashable {
    /// The table from the spec.
    public var table: PartitionedTable
    /// The parent's schema.
    public var schema: String
    /// The parent's columns that can be inserted into (not dropped, not generated), in order.
    public var columns: [String]
    /// Every partition, DEFAULT included, ordered by lower bound (the DEFAULT last).
    public var partitions: [ExistingPartition]
    /// Rows in the DEFAULT partition per UTC month (`YYYY-MM`, ascending); empty without one.
    public var defaultRowsByMonth: [(month: String, rows: Int64)]
    /// Tables detached by an earlier retention run (marked by their comment), not yet dropped.
    public var retiredTables: [String]
    /// Relations in the parent's schema that are not partitions of it, by name (only the names
    /// of partitions maintenance may create are looked up).
    public var occupiedNames: Set<String>

    /// Creates an inventory.
    public init(
        table: PartitionedTable, schema: String, columns: [String], partitions: [ExistingPartition],
        defaultRowsByMonth: [(month: String, rows: Int64)] = [], retiredTables: [String] = [], occupiedNames: Set<String> = []
    ) {
        self.table = table
        self.schema = schema
        self.columns = columns
        self.partitions = partitions
        self.defaultRowsByMonth = defaultRowsByMonth
        self.retiredTables = retiredTables
        self.occupiedNames = occupiedNames
    }

    /// The DEFAULT partition, if any.
    public var defaultPartition: ExistingPartition? { partitions.first(where: \.isDefault) }
    /// The range partitions (DEFAULT left out).
    public var rangePartitions: [ExistingPartition] { partitions.filter { !$0.isDefault } }
    /// `schema.table`, quoted where needed.
    var qualifiedParent: String { SQLText.qualified(schema, table.name) }

    /// Two inventories are equal when they describe the same catalog state.
    public static func == (lhs: TableInventory, rhs: TableInventory) -> Bool {
        lhs.table == rhs.table && lhs.schema == rhs.schema && lhs.columns == rhs.columns && lhs.partitions == rhs.partitions
            && lhs.defaultRowsByMonth.map(\.month) == rhs.defaultRowsByMonth.map(\.month)
            && lhs.defaultRowsByMonth.map(\.rows) == rhs.defaultRowsByMonth.map(\.rows)
            && lhs.retiredTables == rhs.retiredTables && lhs.occupiedNames == rhs.occupiedNames
    }

    /// Hashes the catalog state.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(table)
        hasher.combine(schema)
        hasher.combine(partitions)
        hasher.combine(retiredTables)
    }

    /// The comment retention puts on a partition before detaching it: how a later run knows
    /// the detached table is ERS's to drop.
    static func retirementComment(schema: String, table: String, partition: ExistingPartition) -> String {
        "\(retirementMarker(schema: schema, table: table)) \(partition.bound)"
    }

    /// The start of ``retirementComment(schema:table:partition:)``.
    static func retirementMarker(schema: String, table: String) -> String {
        "ers retention: retired from \(schema).\(table),"
    }
}
