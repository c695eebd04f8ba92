import ERSModel

extension TableValidation {
    /// The partition column: declared, `timestamptz`, NOT NULL, not an identity.
    mutating func checkPartitionColumn() {
        let keyPath = path.key("partitionColumn")
        let name = table.partitionColumn
        guard let column = column(named: name) else {
            let known = table.columns.map { "`\($0.name)`" }.joined(separator: ", ")
            error(keyPath, "`\(name)` is not a column of `\(table.name)` (columns: \(known.isEmpty ? "none" : known)); name a `timestamptz NOT NULL` column such as `created_at`")
            return
        }
        if let type = types[name], type != .timestamptz {
            error(keyPath, "`\(name)` is `\(type)`; the partition column must be `timestamptz` so month bounds are instants in UTC")
        }
        if column.nullable == true {
            error(keyPath, "`\(name)` is nullable; the partition column must be NOT NULL (a NULL key fits no range partition): set `nullable: false`")
        } else if column.nullable == nil && !table.primaryKey.contains(name) {
            error(keyPath, "`\(name)` may be NULL; the partition column must be NOT NULL: set `nullable: false`")
        }
        if column.identity == true {
            error(keyPath, "`\(name)` is an identity column; partition by a `timestamptz` column such as `created_at`")
        }
    }

    /// The primary key: existing, distinct, btree-able columns including the partition column.
    mutating func checkPrimaryKey() {
        let keyPath = path.key("primaryKey")
        let partitionColumn = table.partitionColumn
        if table.primaryKey.isEmpty {
            error(keyPath, "is empty; declare a primary key that includes the partition column, e.g. [id, \(partitionColumn)]")
            return
        }
        var seen: Set<String> = []
        for (index, name) in table.primaryKey.enumerated() {
            let entryPath = keyPath.index(index)
            guard let column = column(named: name) else {
                error(entryPath, "`\(name)` is not a column of `\(table.name)`; list declared columns only")
                continue
            }
            if !seen.insert(name).inserted {
                error(entryPath, "`\(name)` appears twice in the primary key; list each column once")
            }
            if column.nullable == true {
                error(
                    columnPath(table.columns.firstIndex(of: column) ?? 0).key("nullable"),
                    "`\(name)` is in the primary key, so it is NOT NULL; remove `nullable: true`")
            }
            if let type = types[name], !type.supportsBtree {
                error(entryPath, "`\(name)` is `\(type)`, which has no btree operator class; use `jsonb` or leave it out of the key")
            }
        }
        if !table.primaryKey.contains(partitionColumn) {
            let suggestion = (table.primaryKey + [partitionColumn]).joined(separator: ", ")
            error(
                keyPath,
                "[\(table.primaryKey.joined(separator: ", "))] lacks the partition column `\(partitionColumn)`; PostgreSQL "
                    + "requires a primary key on a partitioned table to include the partition key (docs 5.11.2.3 "
                    + "\"Limitations\"): use [\(suggestion)]")
        }
    }
}
