public import ERSModel

/// One change maintenance makes to a table, in the order of ``PartitionPlan/actions``.
public enum PartitionAction: Sendable, Hashable, CustomStringConvertible {
    /// `ALTER TABLE … DETACH PARTITION … FINALIZE`: finish a detach an interrupted run left pending.
    case finalizeDetach(ExistingPartition)
    /// `DROP TABLE` of a table an earlier retention run detached (its comment says so).
    case dropRetired(schema: String, name: String)
    /// Create the month's table, add the bound's CHECK, move the DEFAULT partition's rows of
    /// that month (when there is a DEFAULT), `ATTACH PARTITION`.
    case create(month: YearMonth, name: String, movingRowsFrom: ExistingPartition?, rowsToMove: Int64)
    /// Retention: mark, detach (concurrently when allowed), then drop when `drop`.
    case retire(ExistingPartition, concurrently: Bool, drop: Bool)

    /// One line for `plan` and the maintenance log.
    public var description: String {
        switch self {
        case .finalizeDetach(let partition):
            return "finish the pending detach of \(partition.qualifiedName) (DETACH PARTITION … FINALIZE)"
        case .dropRetired(let schema, let name):
            return "drop \(SQLText.qualified(schema, name)), detached by an earlier retention run"
        case .create(let month, let name, let source, let rows):
            let move = source.map { " and move its \(rows) row\(rows == 1 ? "" : "s") from \($0.qualifiedName)" } ?? ""
            return "create \(name) for \(month) [\(month.firstInstantLiteral), \(month.next.firstInstantLiteral)), attach it\(move)"
        case .retire(let partition, let concurrently, let drop):
            let how = concurrently ? "DETACH PARTITION … CONCURRENTLY" : "DETACH PARTITION (a DEFAULT partition exists, so not concurrently)"
            return "retire \(partition.qualifiedName) (\(partition.bound)): \(how), then \(drop ? "DROP TABLE" : "keep the table")"
        }
    }
}

/// Something maintenance will not do on its own, reported for a person to look at.
public struct PartitionProblem: Sendable, Hashable, CustomStringConvertible {
    /// The table.
    public var table: String
    /// What is wrong and what to do.
    public var message: String

    /// Creates a problem.
    public init(table: String, message: String) {
        self.table = table
        self.message = message
    }

    /// `table: message`.
    public var description: String { "\(table): \(message)" }
}
