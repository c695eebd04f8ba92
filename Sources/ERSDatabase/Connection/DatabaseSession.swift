public import Logging
public import PostgresNIO

/// One PostgreSQL connection (postgres-nio's `PostgresConnection`), for work that needs session
/// state: advisory locks, `SET TimeZone`, `SET lock_timeout`, explicit transactions. A pool
/// would hand each statement to any of its connections and lose that state.
///
/// Statements go through the extended query protocol, one statement per call (cut scripts
/// with `SQLStatementSplitter`). Every failure is a ``DatabaseError`` naming the statement.
public struct DatabaseSession: Sendable {
    /// The connection.
    public let connection: PostgresConnection
    /// The URL it was opened with (its `description` hides the password).
    public let url: DatabaseURL
    /// Where postgres-nio logs.
    public let logger: Logger
    /// Settings sent in the startup message (in effect from the first statement, no round trip).
    public let settings: [String: String]

    /// Opens a connection to `url`, announcing `applicationName` (shown in
    /// `pg_stat_activity`) unless the URL sets `application_name`, with `settings` (run-time
    /// parameters such as `TimeZone`) sent in the startup message.
    /// - Throws: ``DatabaseError/connect(target:reason:fix:)`` saying why and what to check.
    public static func connect(
        to url: DatabaseURL, applicationName: String, settings: [String: String] = [:], logger: Logger
    ) async throws -> DatabaseSession {
        var configuration: PostgresConnection.Configuration
        do {
            configuration = try url.connectionConfiguration(defaultApplicationName: applicationName)
        } catch {
            throw DatabaseError.connect(
                target: url.description, reason: "the TLS settings cannot be used (\(error))",
                fix: "check sslrootcert: it must be a readable PEM file with the CA certificate(s) that signed the server's certificate")
        }
        configuration.options.additionalStartupParameters += settings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            return DatabaseSession(connection: connection, url: url, logger: logger, settings: settings)
        } catch let error as PSQLError {
            throw DatabaseSession.connectError(error, url: url)
        } catch {
            throw DatabaseError.connect(
                target: url.description, reason: String(describing: error),
                fix: "check the host, port and sslmode in the URL and that the server accepts connections from here")
        }
    }

    /// Runs one statement and discards any rows.
    /// - Throws: ``DatabaseError`` with PostgreSQL's error and the statement.
    public func execute(_ sql: String) async throws {
        _ = try await rows(PostgresQuery(unsafeSQL: sql))
    }

    /// Runs one statement and returns all its rows.
    /// - Throws: ``DatabaseError`` with PostgreSQL's error and the statement.
    public func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            return try await connection.query(query, logger: logger).collect()
        } catch let error as PSQLError {
            throw DatabaseSession.statementError(error, statement: query.sql)
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw DatabaseError.connection(reason: String(describing: error), statement: query.sql)
        }
    }

    /// Runs `body` between `BEGIN` and `COMMIT`; on any error rolls back and rethrows it.
    /// - Throws: what `body` throws, or ``DatabaseError`` from `BEGIN`/`COMMIT`.
    public func transaction<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await execute("BEGIN")
        let result: Result
        do {
            result = try await body()
        } catch {
            try? await execute("ROLLBACK")
            throw error
        }
        try await execute("COMMIT")
        return result
    }

    /// Closes the connection (errors while closing are ignored: nothing is left to undo).
    public func close() async {
        try? await connection.close()
    }

    /// The ``DatabaseError`` for a failed connection attempt.
    static func connectError(_ error: PSQLError, url: DatabaseURL) -> DatabaseError {
        let target = url.description
        if let server = PostgresServerError(error) {
            let fix: String
            switch server.sqlState {
            case "28P01", "28000":
                fix = "check the user name in the URL and the password (--password-file or DATABASE_PASSWORD_FILE); the server's pg_hba.conf must allow this client"
            case "3D000":
                fix = "create the database, or correct its name in the URL (postgres://user@host:port/DATABASE)"
            case "53300":
                fix = "the server has no free connection slots: wait, or raise max_connections"
            default:
                fix = "see the server's message above"
            }
            return .connect(target: target, reason: server.description, fix: fix)
        }
        let underlying = error.underlying.map { String(describing: $0) } ?? ""
        switch error.code {
        case .sslUnsupported:
            return .connect(
                target: target, reason: "sslmode=\(url.sslMode.rawValue) requires TLS and the server does not offer it",
                fix: "enable ssl on the server, or use sslmode=disable only where the network is trusted")
        case .failedToAddSSLHandler:
            return .connect(target: target, reason: "TLS could not be set up (\(underlying))", fix: "check sslrootcert and sslmode")
        case .authMechanismRequiresPassword:
            // The server was reached and asked for a password: none was given.
            return .connect(
                target: target, reason: "the server asks for a password for user \"\(url.username)\" and none was given",
                fix: "give it in a file: --password-file FILE or DATABASE_PASSWORD_FILE (never in the URL)")
        default:
            let reason = underlying.isEmpty ? "\(error.code)" : "\(error.code): \(underlying)"
            let tlsHint = url.sslMode == .verifyCA || url.sslMode == .verifyFull || (url.sslMode == .require && url.rootCertificatePath != nil)
                ? "; for a certificate error check sslrootcert (the CA that signed the server's certificate) and, with verify-full, that the URL's host is a name or address in the certificate"
                : ""
            return .connect(
                target: target, reason: reason,
                fix: "check the host and port, that the server runs, and that no firewall or NetworkPolicy blocks this client\(tlsHint)")
        }
    }

    /// The ``DatabaseError`` for a failed statement.
    static func statementError(_ error: PSQLError, statement: String) -> DatabaseError {
        if let server = PostgresServerError(error) {
            return .server(server, statement: statement)
        }
        let underlying = error.underlying.map { ": \($0)" } ?? ""
        return .connection(reason: "\(error.code)\(underlying)", statement: statement)
    }
}

extension PostgresServerError {
    /// The server's error fields from a postgres-nio error; nil when the server sent none.
    init?(_ error: PSQLError) {
        guard let info = error.serverInfo, let state = info[.sqlState] else { return nil }
        self.init(
            sqlState: state, severity: info[.severity], message: info[.message] ?? "(no message)", detail: info[.detail],
            hint: info[.hint], position: info[.position].flatMap { Int($0) }, context: info[.locationContext])
    }
}
