/// Why partition maintenance could not work on a table, with what to do about it.
public enum PartitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The spec's table does not exist.
    case tableMissing(table: String)
    /// The table exists but is not range-partitioned by the spec's `timestamptz` column.
    case notRangePartitioned(table: String, column: String, actual: String)
    /// The spec file could not be used.
    case spec(path: String, problems: [String])

    /// The message.
    public var description: String {
        switch self {
        case .tableMissing(let table):
            "table \(table) does not exist in the database's search_path; create it first with `ersctl migrate up` (its migration is sql/NNNN_create_\(table).sql)"
        case .notRangePartitioned(let table, let column, let actual):
            "table \(table) is \(actual), but the spec partitions it by range on \(column) timestamptz; migrate the table to the spec's shape (see its sql/NNNN_create_\(table).sql) or correct partitionedTables[\(table)].partitionColumn"
        case .spec(let path, let problems):
            "\(path): the partitioned tables cannot be used:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
