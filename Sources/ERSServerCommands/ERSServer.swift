public import ArgumentParser

/// `ers-server`: the runtime services of ERS, one subcommand per role.
public struct ERSServer: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "ers-server",
        abstract: "The ERS runtime services: one binary, a subcommand per role.",
        discussion: """
            Configuration comes from the environment (see docs/ers-server.md): HTTP_HOST, HTTP_PORT, LOG_LEVEL, \
            DATABASE_URL, DATABASE_PASSWORD[_FILE], REDIS_URL, REDIS_PASSWORD[_FILE], JWT_SECRET[_FILE], JWT_ISSUER, \
            JWT_AUDIENCE, JWT_LIFETIME_SECONDS, BCRYPT_COST, LATEST_REPORT_CACHE_TTL_SECONDS, STORE_TIMEOUT_SECONDS.
            """,
        subcommands: [AuthCommand.self, CollectionCommand.self, HealthcheckCommand.self, UsersCommand.self, WorkerCommand.self, SchedulerCommand.self]
    )

    /// The root command (argument parser needs the initializer).
    public init() {}
}

extension ERSServer {
    /// Parses the process arguments and runs the chosen subcommand, awaiting async ones
    /// (swift-argument-parser's `main()` only awaits subcommands when the root is `@main`).
    public static func runAsMain() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
