import ERSModel
import ERSSQL
import Foundation
import Testing
import Yams

/// Specs and tables the tests render.
enum Fixtures {
    /// The repository root (three levels above this file).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `environments/base.yaml`, decoded with Yams.
    static func baseSpec() throws -> SystemSpec {
        let url = repositoryRoot.appendingPathComponent("environments/base.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try YAMLDecoder().decode(SystemSpec.self, from: text)
    }

    /// `2026-01`.
    static let january2026 = YearMonth(year: 2026, month: 1) ?? YearMonth(monthsSinceYearZero: 2026 * 12)

    /// A valid table like the spec's `reports`, to break one field at a time.
    static func reports(name: String = "reports") -> PartitionedTable {
        PartitionedTable(
            name: name, partitionColumn: "created_at", interval: .monthly, premake: 3,
            columns: [
                Column(name: "id", type: "bigint", nullable: false, identity: true),
                Column(name: "hostname", type: "varchar(255)", nullable: false),
                Column(name: "data", type: "jsonb", nullable: false),
                Column(name: "created_at", type: "timestamptz", nullable: false, default: "now()"),
            ],
            primaryKey: ["id", "created_at"],
            indexes: [TableIndex(name: "idx_\(name)_hostname_created_at", columns: ["hostname", "created_at"])]
        )
    }

    /// The errors `PartitionDDLRenderer.validate` reports for `table`, as `path: message`.
    static func errors(_ table: PartitionedTable) -> [String] {
        PartitionDDLRenderer.validate(table, path: FieldPath.root.key("partitionedTables").name(table.name))
            .filter { $0.severity == .error }
            .map { "\($0.path): \($0.message)" }
    }
}
