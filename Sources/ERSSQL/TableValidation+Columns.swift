import ERSModel

extension TableValidation {
    /// Column names, types, identity and defaults.
    mutating func checkColumns() {
        if table.columns.isEmpty {
            error(path.key("columns"), "no columns; declare at least the identity `id` and the partition column `\(table.partitionColumn)`")
            return
        }
        var seen: Set<String> = []
        for (index, column) in table.columns.enumerated() {
            let columnPath = columnPath(index)
            if let problem = SQLIdentifier.problem(with: column.name) {
                error(columnPath.key("name"), problem.message)
            } else if !seen.insert(column.name).inserted {
                error(columnPath.key("name"), "duplicate column `\(column.name)`; each column name may appear once")
            }
            let type: SQLColumnType
            do {
                type = try SQLColumnType(parsing: column.type)
            } catch {
                self.error(columnPath.key("type"), error.message)
                continue
            }
            if types[column.name] == nil { types[column.name] = type }
            checkIdentity(column, type: type, at: columnPath)
            if let expression = column.default, column.identity != true {
                do {
                    _ = try SQLDefaultExpression(parsing: expression, for: type)
                } catch {
                    self.error(columnPath.key("default"), error.message)
                }
            }
        }
    }

    /// `identity: true`: a 64-bit, NOT NULL column without another default, whose sequence name fits.
    private mutating func checkIdentity(_ column: Column, type: SQLColumnType, at columnPath: FieldPath) {
        guard column.identity == true else { return }
        if type != .bigint {
            error(
                columnPath.key("type"),
                "is `\(type)` but an identity column must be `bigint`: a 32-bit id (like the seed's SERIAL) runs out after 2^31 rows")
        }
        if column.nullable == true {
            error(columnPath.key("nullable"), "an identity column is always NOT NULL; remove `nullable: true`")
        }
        if column.default != nil {
            error(columnPath.key("default"), "an identity column takes its values from its sequence; remove the default")
        }
        if SQLIdentifier.problem(with: table.name) == nil, SQLIdentifier.problem(with: column.name) == nil {
            let sequence = PartitionNaming.identitySequence(of: table.name, column: column.name)
            let length = sequence.utf8.count
            if length > SQLIdentifier.maximumLength {
                error(
                    columnPath.key("name"),
                    "the identity sequence `\(sequence)` would be \(length) bytes; PostgreSQL would truncate it to "
                        + "\(SQLIdentifier.maximumLength): shorten the table or column name by \(length - SQLIdentifier.maximumLength) bytes")
            }
        }
    }
}
