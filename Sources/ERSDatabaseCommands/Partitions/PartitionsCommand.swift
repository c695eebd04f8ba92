import ArgumentParser
import ERSDatabase
import ERSModel
import Foundation

/// `ersctl-db partitions maintain|plan|status ENV_FILE`.
struct PartitionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partitions",
        abstract: "Keep each partitioned table's monthly partitions premake months ahead, and apply retention.",
        discussion: """
            ENV_FILE is an environment spec (environments/production.yaml) or the partitions.yaml \
            of the rendered maintenance CronJob. Month bounds are UTC. New partitions are created, \
            checked and attached under a short lock_timeout with retries, so writers never wait \
            long behind maintenance; rows a DEFAULT partition holds for a new month move into it.
            """,
        subcommands: [PartitionsMaintainCommand.self, PartitionsPlanCommand.self, PartitionsStatusCommand.self]
    )
}

/// The options of every `partitions` subcommand.
struct PartitionsOptions: ParsableArguments {
    @Argument(help: "The environment spec (environments/production.yaml) or a rendered partitions.yaml.")
    var envFile: String

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The current month, YYYY-MM in UTC (default: now).")
    var asOf: String?

    @Option(help: "lock_timeout in milliseconds for statements writers could wait behind (ATTACH, DETACH, DROP).")
    var lockTimeoutMs = 2000

    @Option(help: "Tries per step when the lock is not granted in time.")
    var attempts = 6

    @Option(help: "Seconds a concurrent DETACH (or FINALIZE) may wait for older transactions to end.")
    var detachTimeout = 60

    @Option(help: "Seconds to wait for the schema lock while a migration or another maintenance runs.")
    var lockWait = 300

    func validate() throws {
        if let asOf, YearMonth(asOf) == nil { throw ValidationError("--as-of \(asOf) is not a month; write YYYY-MM, e.g. 2026-01") }
        if lockTimeoutMs < 1 { throw ValidationError("--lock-timeout-ms must be at least 1") }
        if attempts < 1 { throw ValidationError("--attempts must be at least 1") }
    }

    /// The month to work as of.
    var month: YearMonth {
        asOf.flatMap(YearMonth.init) ?? YearMonth(containingUnixTime: Int64(Date().timeIntervalSince1970))
    }

    /// Loads the tables, connects, and runs `body` with a maintainer; errors become exit codes.
    func withMaintainer<Result: Sendable>(_ application: String, _ body: (PartitionMaintainer) async throws -> Result) async throws -> Result {
        let tables: [PartitionedTable]
        do {
            tables = try PartitionsSpecFile.load(path: envFile)
        } catch {
            Console.error("\(error)")
            throw DatabaseExitCode.failure
        }
        let pause = ProcessInfo.processInfo.environment["ERS_TEST_PAUSE_AFTER_CREATE_MS"].flatMap(Int.init).map { Duration.milliseconds($0) }
        let options = PartitionMaintainerOptions(
            lockTimeout: .milliseconds(lockTimeoutMs), attempts: attempts, concurrentDetachTimeout: .seconds(max(detachTimeout, 1)),
            lockWait: .seconds(max(lockWait, 0)), pauseAfterCreate: pause)
        let month = self.month
        return try await database.withSession(application: application) { session in
            let maintainer = PartitionMaintainer(session: session, tables: tables, asOf: month, options: options, log: { Console.err($0) })
            return try await body(maintainer)
        }
    }
}
