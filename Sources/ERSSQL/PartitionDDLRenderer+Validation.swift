public import ERSModel

extension PartitionDDLRenderer {
    /// Every problem of one table, as errors at field paths under `path` (the table's own path,
    /// e.g. `partitionedTables[reports]`): identifiers (lower case, not reserved, at most 63
    /// bytes — including the derived `<table>_pYYYY_MM`, `<table>_pkey` and
    /// `<table>_<column>_seq`), column types against the allow-list (`timestamp` refused in
    /// favour of `timestamptz`), identity columns (`bigint` only), defaults, the partition
    /// column (`timestamptz NOT NULL`), the primary key (must include the partition column),
    /// indexes (known columns, methods that suit the types), `premake` (1…240) and `retention`.
    /// Empty when the table renders. Source: PostgreSQL docs 5.11.2.3 "Limitations", 4.1.1.
    public static func validate(_ table: PartitionedTable, path: FieldPath) -> [Diagnostic] {
        TableValidation(table: table, path: path).diagnostics
    }

    /// Every problem of a list of tables at `path` (default `partitionedTables`): each table's
    /// problems, plus duplicate table names and relation names (tables, indexes, constraints,
    /// sequences, partitions) that collide in the schema.
    public static func validate(_ tables: [PartitionedTable], path: FieldPath = FieldPath.root.key("partitionedTables")) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var names: Set<String> = []
        for (index, table) in tables.enumerated() {
            let tablePath = table.name.isEmpty ? path.index(index) : path.name(table.name)
            if !table.name.isEmpty && !names.insert(table.name).inserted {
                diagnostics.append(.error(tablePath.key("name"), "duplicate table `\(table.name)`; each partitioned table is declared once"))
                continue
            }
            diagnostics += validate(table, path: tablePath)
        }
        if tables.count > ApplicationMigrations.maximumPartitionedTables {
            diagnostics.append(.error(path, "has \(tables.count) tables; at most \(ApplicationMigrations.maximumPartitionedTables) (their migrations are numbered 0001–0099, ERS's own tables from 0100)"))
        }
        let namespace = RelationNamespace(tables: tables, path: path)
        diagnostics += namespace.diagnostics()
        for entry in namespace.entries where ApplicationMigrations.relationNames.contains(entry.name) {
            diagnostics.append(.error(entry.path, "`\(entry.name)` (\(entry.kind)) is taken by ERS's own \(ApplicationMigrations.file(creating: entry.name)); rename it"))
        }
        return diagnostics
    }

    /// Every problem rendering `spec` with this renderer's ``asOf`` would meet: the tables'
    /// problems, partition months outside the years 0001–9999, and (as warnings) service
    /// config values `*_TABLE` naming a table that is not declared.
    public func validate(_ spec: SystemSpec) -> [Diagnostic] {
        let path = Self.tablesPath
        var diagnostics = Self.validate(spec.partitionedTables, path: path)
        for table in spec.partitionedTables where (1...TableValidation.maximumPremake).contains(table.premake) {
            let last = asOf.advanced(by: table.premake)
            if asOf < MonthlyPartition.firstMonth || last.next > MonthlyPartition.lastUpperBound {
                diagnostics.append(.error(
                    Self.path(of: table).key("premake"),
                    "--as-of \(asOf) with premake \(table.premake) reaches \(last); partition months must lie within 0001-01 … 9999-11"))
            }
        }
        let tableNames = Set(spec.partitionedTables.map(\.name))
        for service in spec.services {
            for (key, value) in (service.config ?? [:]).sorted(by: { $0.key < $1.key }) where key.hasSuffix("_TABLE") {
                if !tableNames.contains(value) {
                    diagnostics.append(.warning(
                        FieldPath.root.key("services").name(service.name).key("config").key(key),
                        "names the table `\(value)`, which is not in partitionedTables; the rendered DDL does not create it"))
                }
            }
        }
        return diagnostics
    }
}
