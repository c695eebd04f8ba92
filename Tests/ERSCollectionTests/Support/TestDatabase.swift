import ERSDatabase
import ERSModel
import ERSSQL
import ERSSpec
import Foundation
import Logging
import PostgresNIO

/// A database of the test's own (`ers_coll_<random>`) on the test PostgreSQL, with the
/// migrations `ersctl render` produces for `environments/base.yaml` applied as of two months
/// ago: `reports` and `audit_logs` get monthly partitions from two months ago to next month
/// (premake 3), so the current month exists and ranges can span several partitions.
struct TestDatabase: Sendable {
    let url: DatabaseURL
    let admin: DatabaseURL
    /// The first partitioned month.
    let firstMonth: YearMonth

    struct SetupFailed: Error, CustomStringConvertible { var description: String }

    static func create(on base: DatabaseURL) async throws -> TestDatabase {
        let name = "ers_coll_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        _ = try await run(on: base) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        var url = base
        url.database = String(name)
        let loaded = SpecLoader().load(path: TestServices.repositoryRoot.appendingPathComponent("environments/base.yaml").path)
        guard let spec = loaded.spec, !loaded.hasErrors else { throw SetupFailed(description: "base.yaml: \(loaded.diagnostics)") }
        let month = YearMonth(containingUnixTime: Int64(Date().timeIntervalSince1970)).advanced(by: -2)
        let files = try PartitionDDLRenderer(asOf: month).render(spec)
        try await run(on: url) { client in
            for file in files {
                for statement in SQLStatementSplitter.statements(in: file.contents) {
                    try await client.query(PostgresQuery(unsafeSQL: statement))
                }
            }
        }
        return TestDatabase(url: url, admin: base, firstMonth: month)
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

    /// Runs `body` on this database.
    func run<T: Sendable>(_ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
        try await Self.run(on: url, body)
    }

    /// Runs `statement` on the base test database (e.g. to refuse or end connections to this
    /// one, which the test role owns).
    func administer(_ statement: String) async throws {
        _ = try await Self.run(on: admin) { client in try await client.query(PostgresQuery(unsafeSQL: statement)) }
    }

    /// Drops the database (best effort).
    func drop() async {
        let name = url.database
        _ = try? await Self.run(on: admin) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        }
    }
}
