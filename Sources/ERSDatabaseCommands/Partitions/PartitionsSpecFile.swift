import ERSDatabase
import ERSModel
import ERSSQL
import ERSSpec
import Foundation
import Yams

/// The partitioned tables `ersctl partitions` works on, read from either an environment spec
/// (`environments/production.yaml`, with its overlays) or a partitions file — the
/// `partitions.yaml` the Kubernetes render puts in the maintenance CronJob's ConfigMap, a
/// YAML mapping whose only key is `partitionedTables` (the same shape as in a spec).
enum PartitionsSpecFile {
    /// The shape of a partitions file.
    struct Document: Decodable {
        /// The tables.
        var partitionedTables: [PartitionedTable]
    }

    /// The tables in `path`, validated (every problem listed).
    /// - Throws: ``PartitionError/spec(path:problems:)``.
    static func load(path: String) throws -> [PartitionedTable] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PartitionError.spec(path: path, problems: ["cannot be read (\(error.localizedDescription)); check the path"])
        }
        if isPartitionsFile(text) {
            let tables: [PartitionedTable]
            do {
                tables = try YAMLDecoder().decode(Document.self, from: text).partitionedTables
            } catch {
                throw PartitionError.spec(path: path, problems: ["is not a valid partitions file (\(error)); render it again with `ersctl render`"])
            }
            let errors = PartitionDDLRenderer.validate(tables).filter { $0.severity == .error }
            guard errors.isEmpty else { throw PartitionError.spec(path: path, problems: errors.map(\.description)) }
            return tables
        }
        let loaded = SpecLoader().load(path: path)
        guard let spec = loaded.spec, !loaded.hasErrors else {
            let problems = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
            throw PartitionError.spec(path: path, problems: problems.isEmpty ? ["cannot be loaded"] : problems)
        }
        return spec.partitionedTables
    }

    /// Whether `text` is a partitions file: a mapping with `partitionedTables` and neither
    /// `services` nor `base` (which make it an environment spec).
    static func isPartitionsFile(_ text: String) -> Bool {
        guard let mapping = (try? Yams.load(yaml: text)) as? [String: Any] else { return false }
        return mapping["partitionedTables"] != nil && mapping["services"] == nil && mapping["base"] == nil
    }
}
