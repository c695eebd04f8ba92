import ArgumentParser
import ERSDatabase
import Foundation
import Logging

/// The options every database command takes: where the database is and how to log in.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "postgres://user@host:port/database?sslmode=verify-full&sslrootcert=/ca.pem (default: $DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "File holding the password (default: $DATABASE_PASSWORD_FILE); keeps it out of the URL and the process list.")
    var passwordFile: String?

    @Flag(help: "Log the driver's messages (debug level) to stderr.")
    var verbose = false

    /// The URL from the option or `DATABASE_URL`, with the password file read.
    /// - Throws: ``DatabaseExitCode/usage`` after printing what is missing or wrong.
    func url() throws -> DatabaseURL {
        let environment = ProcessInfo.processInfo.environment
        guard let text = databaseURL ?? environment["DATABASE_URL"], !text.isEmpty else {
            Console.error("no database URL: pass --database-url postgres://user@host:5432/database or set DATABASE_URL")
            throw DatabaseExitCode.usage
        }
        let file = passwordFile ?? environment["DATABASE_PASSWORD_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            return try DatabaseURL(parsing: text, passwordFile: file)
        } catch {
            Console.error("\(error)")
            throw DatabaseExitCode.usage
        }
    }

    /// A logger writing to stderr: errors only, or everything down to debug with `--verbose`.
    var logger: Logger {
        var logger = Logger(label: "ersctl-db") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .error
        return logger
    }

    /// Connects (as `application`), runs `body`, closes the connection; prints any error and
    /// turns it into the matching exit code.
    func withSession<Result: Sendable>(application: String, _ body: (DatabaseSession) async throws -> Result) async throws -> Result {
        let url = try url()
        let session: DatabaseSession
        do {
            session = try await DatabaseSession.connect(to: url, applicationName: application, logger: logger)
        } catch {
            Console.error("\(error)")
            throw DatabaseExitCode.unavailable
        }
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch let code as ExitCode {
            await session.close()
            throw code
        } catch let error as AdvisoryLockError {
            await session.close()
            Console.error("\(error)")
            throw DatabaseExitCode.unavailable
        } catch {
            await session.close()
            Console.error("\(error)")
            throw DatabaseExitCode.failure
        }
    }
}
