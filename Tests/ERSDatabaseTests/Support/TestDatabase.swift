import ERSDatabase
import Foundation
import Logging
import Testing

/// A database of its own for one test, on the test server: created from the `ers` role (which
/// may CREATE DATABASE), dropped at the end. Tests run in parallel; each has its own.
struct TestDatabase: Sendable {
    /// The database's name (`ers_t_<random>`).
    let name: String
    /// Its URL (no password).
    let urlText: String
    /// The password file.
    let passwordFile: String
    /// The URL of the server's own test database (for CREATE/DROP DATABASE).
    let adminURLText: String

    /// A quiet logger.
    static let logger: Logger = {
        var logger = Logger(label: "ers-tests") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .critical
        return logger
    }()

    /// Creates a fresh database, or returns nil after recording why the server is unavailable.
    static func create(sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestDatabase? {
        guard let (admin, passwordFile) = TestEnvironment.database(sourceLocation: sourceLocation) else { return nil }
        let name = "ers_t_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        guard var components = URLComponents(string: admin) else {
            Issue.record("ERS_TEST_DATABASE_URL is not a URL: \(admin)", sourceLocation: sourceLocation)
            return nil
        }
        components.path = "/" + name
        guard let url = components.string else { return nil }
        let database = TestDatabase(name: name, urlText: url, passwordFile: passwordFile, adminURLText: admin)
        let session = try await database.adminSession()
        do {
            try await session.execute("CREATE DATABASE \(name)")
        } catch {
            await session.close()
            throw error
        }
        await session.close()
        return database
    }

    /// The parsed URL with the password read.
    var url: DatabaseURL {
        get throws { try DatabaseURL(parsing: urlText, passwordFile: passwordFile) }
    }

    /// A session on this database; with `timeZone`, the session's `TimeZone` is set to it.
    func session(timeZone: String? = nil) async throws -> DatabaseSession {
        let session = try await DatabaseSession.connect(to: try url, applicationName: "ers-tests", logger: Self.logger)
        if let timeZone { try await session.execute("SET TimeZone = '\(timeZone)'") }
        return session
    }

    /// A session on the server's own test database.
    func adminSession() async throws -> DatabaseSession {
        try await DatabaseSession.connect(
            to: try DatabaseURL(parsing: adminURLText, passwordFile: passwordFile), applicationName: "ers-tests", logger: Self.logger)
    }

    /// Runs `sql` (one statement) in a fresh session and closes it.
    func execute(_ sql: String) async throws {
        let session = try await session()
        do {
            try await session.execute(sql)
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }

    /// The rows of `sql` as text (each column cast with `::text` by the caller), `|`-joined.
    func lines(_ sql: String) async throws -> [String] {
        let session = try await session()
        do {
            let rows = try await session.rows(.init(unsafeSQL: sql))
            let result = try rows.map { row in
                try row.map { cell in try cell.decode(String?.self) ?? "NULL" }.joined(separator: "|")
            }
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }

    /// Drops the database (ending its sessions).
    func drop() async {
        guard let session = try? await adminSession() else { return }
        try? await session.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        await session.close()
    }
}

extension TestDatabase {
    /// Runs `body` with a fresh database and drops it afterwards, also when `body` throws.
    /// Does nothing (after recording why) when the test server is unavailable.
    static func with(sourceLocation: SourceLocation = #_sourceLocation, _ body: (TestDatabase) async throws -> Void) async throws {
        guard let database = try await create(sourceLocation: sourceLocation) else { return }
        do {
            try await body(database)
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }

    /// Runs `body` with a session (in `timeZone`, when given) and closes it afterwards.
    func withSession<Result>(timeZone: String? = nil, _ body: (DatabaseSession) async throws -> Result) async throws -> Result {
        let session = try await session(timeZone: timeZone)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }
}
