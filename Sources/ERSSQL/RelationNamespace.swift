import ERSModel

/// The relation names (tables, partitions, indexes, sequences) the partitioned tables of a
/// spec put into one schema, where PostgreSQL requires each to be unique (`pg_class` is one
/// namespace per schema). Finds a name used twice, and a name that a future monthly partition
/// `<table>_pYYYY_MM` of some table would take.
struct RelationNamespace {
    /// A name, what it names, and the field that gives it.
    struct Entry {
        let name: String
        let kind: String
        let path: FieldPath
    }

    /// Every name claimed, in spec order.
    private(set) var entries: [Entry] = []
    /// The tables' names (for the partition pattern).
    private var tableNames: [String] = []

    /// The names of `tables`, each at `path[table]`. Tables with an invalid name, and the
    /// second declaration of a table, are left out (the table validation reports them).
    init(tables: [PartitionedTable], path: FieldPath) {
        for table in tables where SQLIdentifier.problem(with: table.name) == nil && !tableNames.contains(table.name) {
            let tablePath = path.name(table.name)
            tableNames.append(table.name)
            entries.append(Entry(name: table.name, kind: "table", path: tablePath.key("name")))
            entries.append(Entry(name: PartitionNaming.primaryKey(of: table.name), kind: "primary key of `\(table.name)`", path: tablePath.key("primaryKey")))
            if table.defaultPartition == true {
                entries.append(Entry(name: PartitionNaming.defaultPartition(of: table.name), kind: "DEFAULT partition of `\(table.name)`", path: tablePath.key("defaultPartition")))
            }
            for column in table.columns where column.identity == true {
                let sequence = PartitionNaming.identitySequence(of: table.name, column: column.name)
                entries.append(Entry(name: sequence, kind: "identity sequence of `\(table.name).\(column.name)`", path: tablePath.key("columns").name(column.name)))
            }
            for index in table.indexes ?? [] {
                entries.append(Entry(name: index.name, kind: "index of `\(table.name)`", path: tablePath.key("indexes").name(index.name).key("name")))
            }
        }
    }

    /// An error for each name claimed a second time, and for each name shaped like a monthly
    /// partition of one of the tables.
    func diagnostics() -> [Diagnostic] {
        var result: [Diagnostic] = []
        var first: [String: Entry] = [:]
        for entry in entries {
            if let earlier = first[entry.name] {
                // The same index listed twice in one table is reported by the table's validation.
                if earlier.kind != entry.kind || earlier.path != entry.path {
                    result.append(.error(entry.path, "`\(entry.name)` (\(entry.kind)) is already the name of the \(earlier.kind) at \(earlier.path); relation names must be unique in the schema: rename one"))
                }
                continue
            }
            first[entry.name] = entry
            for table in tableNames {
                if let month = PartitionNaming.month(ofPartitionNamed: entry.name, table: table) {
                    result.append(.error(entry.path, "`\(entry.name)` (\(entry.kind)) is the name of the monthly partition of `\(table)` for \(month); rename it"))
                }
            }
        }
        return result
    }
}
