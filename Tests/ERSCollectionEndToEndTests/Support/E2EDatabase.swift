import ERSDatabase
import ERSFleet
import ERSJobs
import ERSModel
import ERSSQL
import ERSSpec
import Foundation
import Logging
import PostgresNIO

/// A throw-away database (`ers_e2e_<random>`) with the migrations `ersctl render` makes for
/// environments/base.yaml (reports partitioned from the current UTC month, hosts, collections,
/// jobs, scheduler_leases), a pool on it, and the environment an `ers-server` process needs
/// to use it.
struct E2EDatabase: Sendable {
    let url: DatabaseURL
    let passwordFile: String
    let client: PostgresClient

    static let logger: Logger = {
        var logger = Logger(label: "ers-e2e-tests")
        logger.logLevel = .critical
        return logger
    }()

    struct SetupFailed: Error, CustomStringConvertible { var description: String }

    /// Runs `body` with a fresh database on `base` (whose role may create databases); drops it afterwards.
    static func with(base: DatabaseURL, passwordFile: String, _ body: @Sendable (E2EDatabase) async throws -> Void) async throws {
        let name = "ers_e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await run(on: base) { client in _ = try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)")) }
        var url = base
        url.database = String(name)
        do {
            try await migrate(url)
            var configuration = try url.clientConfiguration()
            configuration.options.maximumConnections = 10
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                try await body(E2EDatabase(url: url, passwordFile: passwordFile, client: client))
            }
        } catch {
            await drop(name: String(name), admin: base)
            throw error
        }
        await drop(name: String(name), admin: base)
    }

    static func migrate(_ url: DatabaseURL) async throws {
        let loaded = SpecLoader().load(path: EndToEnd.repositoryRoot.appendingPathComponent("environments/base.yaml").path)
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

    /// `DATABASE_URL` and `DATABASE_PASSWORD_FILE` for an `ers-server` process.
    var serverEnvironment: [String: String] {
        ["DATABASE_URL": "postgres://\(url.username)@\(url.host ?? "127.0.0.1"):\(url.port)/\(url.database)?sslmode=disable",
         "DATABASE_PASSWORD_FILE": passwordFile]
    }

    func collections(maxAttempts: Int) -> CollectionQueue { CollectionQueue(client: client, maxAttempts: maxAttempts, logger: Self.logger) }

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

    /// The rows of `sql` (every column cast to text by the caller), `|`-joined.
    func lines(_ sql: String) async throws -> [String] {
        try await client.query(PostgresQuery(unsafeSQL: sql)).collect().map { row in
            try row.map { cell in try cell.decode(String?.self) ?? "NULL" }.joined(separator: "|")
        }
    }

    /// Registers ssh hosts (name, address, port) through ``HostStore`` (the API's validation),
    /// returning their ids in order.
    @discardableResult
    func addHosts(_ hosts: [(name: String, address: String, port: Int)]) async throws -> [Int64] {
        let store = HostStore(client: client, logger: Self.logger)
        var ids: [Int64] = []
        for host in hosts {
            ids.append(try await store.create(HostDraft(name: try HostAddress(host.name), address: try HostAddress(host.address), port: host.port, transport: .ssh)).id)
        }
        return ids
    }

    /// Inserts a `hosts` row with plain SQL, around every check of the API; its id.
    func insertRawHost(name: String, address: String, port: Int) async throws -> Int64 {
        let rows = try await client.query("""
            INSERT INTO hosts (name, address, port, transport) VALUES (\(name), \(address), \(port), 'ssh') RETURNING id
            """).collect()
        return try rows[0].decode(Int64.self)
    }

    /// Starts a collection of `system` reports over `ids`; its id.
    func startCollection(of ids: [Int64], maxAttempts: Int) async throws -> Int64 {
        guard case .started(let id, let jobs) = try await collections(maxAttempts: maxAttempts).start(reportType: "system", hosts: .ids(ids), requestedBy: "e2e"),
              jobs == ids.count
        else { throw SetupFailed(description: "the collection of \(ids.count) hosts did not start with one job per host") }
        return id
    }

    /// Jobs of the collection not yet succeeded or dead.
    func unfinishedJobs(_ collection: Int64) async throws -> Int {
        try await integer("SELECT count(*) FROM jobs WHERE collection_id = \(collection) AND state NOT IN ('succeeded', 'dead')")
    }

    /// `hostname|state|attempts|max_attempts|error_kind|last_error` per job of the collection.
    func jobRows(_ collection: Int64) async throws -> [String: [String]] {
        let rows = try await lines("""
            SELECT hostname, state, attempts::text, max_attempts::text, error_kind, last_error FROM jobs WHERE collection_id = \(collection)
            """)
        var byHost: [String: [String]] = [:]
        for row in rows {
            let fields = row.split(separator: "|", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            byHost[fields[0]] = Array(fields.dropFirst())
        }
        return byHost
    }
}
