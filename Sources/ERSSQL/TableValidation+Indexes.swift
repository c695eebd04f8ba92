import ERSModel

extension TableValidation {
    /// Index names, columns, and whether the access method suits the column types.
    mutating func checkIndexes() {
        var seen: Set<String> = []
        for (index, tableIndex) in (table.indexes ?? []).enumerated() {
            let indexPath = tableIndex.name.isEmpty ? path.key("indexes").index(index) : path.key("indexes").name(tableIndex.name)
            if let problem = SQLIdentifier.problem(with: tableIndex.name) {
                error(indexPath.key("name"), problem.message)
            } else if !seen.insert(tableIndex.name).inserted {
                error(indexPath.key("name"), "duplicate index name `\(tableIndex.name)`; index names must be unique in the schema")
            }
            checkIndexColumns(tableIndex, at: indexPath)
        }
    }

    /// The columns of one index.
    private mutating func checkIndexColumns(_ tableIndex: TableIndex, at indexPath: FieldPath) {
        let method = (tableIndex.method ?? .btree).rawValue
        if tableIndex.columns.isEmpty {
            error(indexPath.key("columns"), "is empty; list the indexed columns, e.g. [\(table.partitionColumn)]")
            return
        }
        if method == "hash" && tableIndex.columns.count > 1 {
            error(indexPath.key("columns"), "a hash index covers one column; use btree for \(tableIndex.columns.count) columns")
        }
        var seen: Set<String> = []
        for (position, name) in tableIndex.columns.enumerated() {
            let entryPath = indexPath.key("columns").index(position)
            guard column(named: name) != nil else {
                let known = table.columns.map(\.name).joined(separator: ", ")
                error(entryPath, "`\(name)` is not a column of `\(table.name)`; index one of: \(known)")
                continue
            }
            if !seen.insert(name).inserted {
                error(entryPath, "`\(name)` appears twice in the index; list each column once")
            }
            if let type = types[name], !type.supportsIndexMethod(method) {
                error(entryPath, "`\(name)` is `\(type)`, which a \(method) index cannot cover on stock PostgreSQL 15; \(TableValidation.methodHint(for: type))")
            }
        }
    }

    /// Which method does suit `type`.
    static func methodHint(for type: SQLColumnType) -> String {
        switch type {
        case .json: "store it as `jsonb` to index it"
        case .jsonb: "use `method: gin` (or btree for equality on the whole document)"
        default: "use btree"
        }
    }
}
