import ERSModel
import ERSRender

extension RenderContext {
    /// `partitions.yaml`, the maintenance CronJob's input: the spec's `partitionedTables`,
    /// field for field in the spec's own shape (what `ersctl-db partitions … FILE` reads, as
    /// it reads an environment spec), under a comment saying where it comes from.
    func partitionsDocument() -> String {
        let header = """
            # partitions.yaml — the partitioned tables of \(spec.name) (\(spec.environment)), rendered by ersctl
            # from the deployment spec. Read by `ersctl-db partitions maintain|plan|status FILE`.
            # Do not edit: change partitionedTables in the spec and render again.

            """
        let tables = spec.partitionedTables.map(partitionedTableValue)
        return header + YAMLWriter.document(["partitionedTables": .sequence(tables)])
    }

    /// One table as the spec writes it (optional fields left out when unset).
    private func partitionedTableValue(_ table: PartitionedTable) -> YAMLValue {
        let columns: [YAMLValue] = table.columns.map { column in
            [
                "name": .string(column.name),
                "type": .string(column.type),
                "nullable": column.nullable.map(YAMLValue.bool),
                "default": column.default.map(YAMLValue.string),
                "identity": column.identity.map(YAMLValue.bool),
            ]
        }
        let indexes: [YAMLValue]? = table.indexes.map { list in
            list.map { index in
                [
                    "name": .string(index.name),
                    "columns": .sequence(index.columns.map(YAMLValue.string)),
                    "method": index.method.map { .string($0.rawValue) },
                ]
            }
        }
        return [
            "name": .string(table.name),
            "partitionColumn": .string(table.partitionColumn),
            "interval": .string(table.interval.rawValue),
            "premake": .int(table.premake),
            "retention": table.retention.map { ["months": .int($0.months), "action": .string($0.action.rawValue)] },
            "defaultPartition": table.defaultPartition.map(YAMLValue.bool),
            "columns": .sequence(columns),
            "primaryKey": .sequence(table.primaryKey.map(YAMLValue.string)),
            "indexes": indexes.map(YAMLValue.sequence),
        ]
    }
}
