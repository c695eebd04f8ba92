import ERSDatabase
import ERSJobs
import ERSModel
import ERSSQL
import ERSSpec
import Foundation
import Logging
import PostgresNIO
import Testing

/// A database of the test's own (`ers_jobs_<random>`) on the test PostgreSQL with the migrations
/// `ersctl render` produces for `environments/base.yaml` (reports partitioned from the current
/// UTC month, users, hosts, collections, jobs, scheduler_leases), and a running pool on it.
/// Missing server: a failure under CI, a warning elsewhere (the test then checks nothing).
struct JobsDatabase: Sendable {
    let url: DatabaseURL
    let admin: DatabaseURL
    let client: PostgresClient

    static let logger: Logger = {
        var logger = Logger(label: "ers-jobs-tests")
        logger.logLevel = .critical
        return logger
    }()

    struct SetupFailed: Error, CustomStringConvertible { var description: String }

    /// Runs `body` with a fresh database and its pool; drops the database afterwards.
    static func with(maximumConnections: Int = 20, server: DatabaseURL? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                     _ body: @Sendable (JobsDatabase) async throws -> Void) async throws {
        guard let base = server ?? testURL(sourceLocation: sourceLocation) else { return }
        let name = "ers_jobs_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await run(on: base) { client in _ = try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)")) }
        var url = base
        url.database = String(name)
        do {
            try await migrate(url)
            var configuration = try url.clientConfiguration()
            configuration.options.maximumConnections = maximumConnections
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                try await body(JobsDatabase(url: url, admin: base, client: client))
            }
        } catch {
            await drop(name: String(name), admin: base)
            throw error
        }
        await drop(name: String(name), admin: base)
    }

    static func testURL(sourceLocation: Testing.SourceLocation) -> DatabaseURL? {
        let environment = ProcessInfo.processInfo.environment
        guard let text = environment["ERS_TEST_DATABASE_URL"], let file = environment["ERS_TEST_DATABASE_PASSWORD_FILE"],
              let url = try? DatabaseURL(parsing: text, passwordFile: file)
        else {
            Issue.record("test not run: ERS_TEST_DATABASE_URL / ERS_TEST_DATABASE_PASSWORD_FILE are not set or unusable. Run scripts/services-up.sh and source its env file.",
                         severity: environment["CI"] != nil ? .error : .warning, sourceLocation: sourceLocation)
            return nil
        }
        return url
    }

    static func migrate(_ url: DatabaseURL) async throws {
        let loaded = SpecLoader().load(path: repositoryRoot.appendingPathComponent("environments/base.yaml").path)
        guard let spec = loaded.spec, !loaded.hasErrors else { throw SetupFailed(description: "base.yaml: \(loaded.diagnostics)") }
        let month = YearMonth(containingUnixTime: Int64(Date().timeIntervalSince1970))
        let files = try PartitionDDLRenderer(asOf: month).render(spec)
        try await run(on: url) { client in
            for file in files {
                for statement in SQLStatementSplitter.statements(in: file.contents) {
                    _ = try await client.query(PostgresQuery(unsafeSQL: statement))
                }
            }
        }
    }

    static func run<T: Sendable>(on url: DatabaseURL, _ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
        let client = PostgresClient(configuration: try url.clientConfiguration(), backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    static func drop(name: String, admin: DatabaseURL) async {
        _ = try? await run(on: admin) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    // MARK: helpers

    /// The URL without its password (for a child process; the password goes in a file).
    var urlText: String {
        "postgres://\(url.username)@\(url.host ?? "127.0.0.1"):\(url.port)/\(url.database)?sslmode=disable"
    }

    func queue(_ options: QueueOptions = QueueOptions()) -> JobQueue { JobQueue(client: client, options: options, logger: Self.logger) }
    func collections(maxAttempts: Int = 5) -> CollectionQueue { CollectionQueue(client: client, maxAttempts: maxAttempts, logger: Self.logger) }

    /// Runs `sql` (no result wanted).
    func execute(_ sql: String) async throws {
        do { _ = try await client.query(PostgresQuery(unsafeSQL: sql)).collect() } catch {
            throw DatabaseError.statement(sql, failedWith: error)
        }
    }

    /// The single integer `sql` returns.
    func integer(_ sql: String) async throws -> Int {
        let rows = try await client.query(PostgresQuery(unsafeSQL: sql)).collect()
        return Int(try rows.first?.decode(Int64.self) ?? -1)
    }

    /// The rows of `sql`, each column cast to text by the caller, `|`-joined.
    func lines(_ sql: String) async throws -> [String] {
        try await client.query(PostgresQuery(unsafeSQL: sql)).collect().map { row in
            try row.map { cell in try cell.decode(String?.self) ?? "NULL" }.joined(separator: "|")
        }
    }

    /// Inserts `count` ssh hosts `host-001`… with `labels` (a JSON object), returning their ids.
    @discardableResult
    func addHosts(_ count: Int, prefix: String = "host", labels: String = "{}", transport: String = "ssh") async throws -> [Int64] {
        let rows = try await client.query("""
            INSERT INTO hosts (name, address, port, transport, labels)
            SELECT \(prefix) || '-' || lpad(n::text, 3, '0'), '127.0.0.1', 22, \(transport), \(labels)::jsonb
            FROM generate_series(1, \(count)) AS n
            RETURNING id
            """).collect()
        return try rows.map { try $0.decode(Int64.self) }
    }
}
