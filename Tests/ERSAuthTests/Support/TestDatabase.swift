import ERSDatabase
import ERSModel
import ERSSQL
import ERSSpec
import Foundation
import Logging
import PostgresNIO

/// A database of the test's own (`ers_auth_<random>`) on the test PostgreSQL, with the
/// migrations `ersctl render` produces for `environments/base.yaml` applied (partitions from
/// the current UTC month, so audit rows land).
struct TestDatabase {
    let url: DatabaseURL
    let admin: DatabaseURL

    struct SetupFailed: Error, CustomStringConvertible { var description: String }

    static func create(on base: DatabaseURL) async throws -> TestDatabase {
        let name = "ers_auth_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await run(on: base) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        var url = base
        url.database = String(name)
        let loaded = SpecLoader().load(path: TestServices.repositoryRoot.appendingPathComponent("environments/base.yaml").path)
        guard let spec = loaded.spec, !loaded.hasErrors else { throw SetupFailed(description: "base.yaml: \(loaded.diagnostics)") }
        let month = YearMonth(containingUnixTime: Int64(Date().timeIntervalSince1970))
        let files = try PartitionDDLRenderer(asOf: month).render(spec)
        try await run(on: url) { client in
            for file in files {
                for statement in SQLStatementSplitter.statements(in: file.contents) {
                    try await client.query(PostgresQuery(unsafeSQL: statement))
                }
            }
        }
        return TestDatabase(url: url, admin: base)
    }

    /// Runs `body` with a client on `url`, the client's pool running around it.
    static func run<T: Sendable>(on url: DatabaseURL, _ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
        let client = PostgresClient(configuration: try url.clientConfiguration(), backgroundLogger: Logger(label: "test.db"))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    /// Every audit row as JSON text, oldest first.
    func auditRows() async throws -> [String] {
        try await Self.run(on: url) { client in
            var rows: [String] = []
            for try await (text,) in try await client.query("SELECT row_to_json(a)::text FROM audit_logs a ORDER BY id").decode((String,).self) {
                // jsonb prints `"key": "value"`; row_to_json prints `"key":value`: one form for matching.
                rows.append(text.replacingOccurrences(of: "\": ", with: "\":"))
            }
            return rows
        }
    }

    /// Drops the database (best effort).
    func drop() async {
        let name = url.database
        _ = try? await Self.run(on: admin) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        }
    }
}
