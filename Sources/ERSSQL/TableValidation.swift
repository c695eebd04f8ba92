import ERSModel

/// Collects every problem of one ``PartitionedTable`` as ``Diagnostic``s at field paths under
/// the table's path: names, columns and types, partition column, primary key, indexes, premake
/// and retention. Used by ``PartitionDDLRenderer/validate(_:path:)``.
struct TableValidation {
    /// The table checked.
    let table: PartitionedTable
    /// Where the table sits in the spec, e.g. `partitionedTables[reports]`.
    let path: FieldPath
    /// What was found so far.
    var diagnostics: [Diagnostic] = []
    /// Parsed types of the columns whose type is valid, by column name.
    var types: [String: SQLColumnType] = [:]

    /// The most months ahead a table may premake (20 years).
    static let maximumPremake = 240

    /// Validates `table` at `path`.
    init(table: PartitionedTable, path: FieldPath) {
        self.table = table
        self.path = path
        checkName()
        checkSchedule()
        checkColumns()
        checkPartitionColumn()
        checkPrimaryKey()
        checkIndexes()
    }

    /// Records an error at `path`.
    mutating func error(_ path: FieldPath, _ message: String) {
        diagnostics.append(.error(path, message))
    }

    /// The path of the column called `name` (by position when the name is empty).
    func columnPath(_ index: Int) -> FieldPath {
        let name = table.columns[index].name
        return name.isEmpty ? path.key("columns").index(index) : path.key("columns").name(name)
    }

    /// The column called `name`, if any.
    func column(named name: String) -> Column? { table.columns.first { $0.name == name } }

    /// Whether the column may hold NULL: as written, else NOT NULL for primary key columns.
    func isNullable(_ column: Column) -> Bool { column.nullable ?? !table.primaryKey.contains(column.name) }

    /// The table name, then the longest derived name (`<table>_pYYYY_MM`).
    private mutating func checkName() {
        let namePath = path.key("name")
        if let problem = SQLIdentifier.problem(with: table.name) {
            error(namePath, problem.message)
            return
        }
        let sample = PartitionNaming.partition(of: table.name, month: YearMonth(monthsSinceYearZero: 2026 * 12))
        let length = sample.utf8.count
        if length > SQLIdentifier.maximumLength {
            let allowed = SQLIdentifier.maximumLength - PartitionNaming.monthSuffixLength
            error(
                namePath,
                "the partition names `\(sample)`, … would be \(length) bytes; PostgreSQL identifiers are at most "
                    + "\(SQLIdentifier.maximumLength) bytes (longer ones are silently truncated): shorten the table name "
                    + "`\(table.name)` (\(table.name.utf8.count) bytes) to at most \(allowed) bytes")
        }
    }

    /// `premake` and `retention`.
    private mutating func checkSchedule() {
        if !(1...TableValidation.maximumPremake).contains(table.premake) {
            error(path.key("premake"), "is \(table.premake); premake must be from 1 to \(TableValidation.maximumPremake) months ahead (e.g. 3)")
        }
        if let retention = table.retention, retention.months < 1 {
            error(path.key("retention").key("months"), "is \(retention.months); keep at least 1 month (the current one), or leave retention out to keep every partition")
        }
    }
}
