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

    @Flag(help: "Print to stderr how long connecting and the work itself took (milliseconds).")
    var timings = false

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
            let url = try DatabaseURL(parsing: text, passwordFile: file)
            if databaseURL != nil, file == nil, url.password != nil {
                Console.err("warning: the password is in --database-url, so it shows in the process list (ps) and the shell's history; put it in a file and pass --password-file (or DATABASE_PASSWORD_FILE)")
            }
            return url
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

    /// Connects (as `application`, with `settings` in the startup message), runs `body`, closes
    /// the connection; prints any error and turns it into the matching exit code.
    func withSession<Result: Sendable>(
        application: String, settings: [String: String] = [:], _ body: (DatabaseSession) async throws -> Result
    ) async throws -> Result {
        let url = try url()
        let clock = ContinuousClock()
        let start = clock.now
        let session: DatabaseSession
        do {
            session = try await DatabaseSession.connect(to: url, applicationName: application, settings: settings, logger: logger)
        } catch {
            Console.error("\(error)")
            throw DatabaseExitCode.unavailable
        }
        let connected = clock.now
        do {
            let result = try await body(session)
            if timings {
                Console.err("timings: connect \(milliseconds(connected - start)) ms, work \(milliseconds(clock.now - connected)) ms")
            }
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

    /// `duration` in milliseconds with one decimal.
    private func milliseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.1f", value)
    }
}
