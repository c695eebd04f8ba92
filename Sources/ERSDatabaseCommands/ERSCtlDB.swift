public import ArgumentParser

/// `ersctl-db`: the database part of ersctl — schema migrations and monthly partition
/// maintenance on PostgreSQL. `ersctl migrate …` and `ersctl partitions …` run it; it is a
/// separate executable so that ersctl (the generator) carries no database driver.
/// Exit codes are documented in docs/cli.md.
public struct ERSCtlDB: AsyncParsableCommand {
    /// The command tree.
    public static let configuration = CommandConfiguration(
        commandName: "ersctl-db",
        abstract: "Run schema migrations and maintain monthly partitions on PostgreSQL.",
        discussion: """
            Usually run as `ersctl migrate …` and `ersctl partitions …`. The database URL comes \
            from --database-url or DATABASE_URL, the password from the URL, --password-file or \
            DATABASE_PASSWORD_FILE.

            Exit codes: 0 success; 1 something failed (the message says what and how to fix it); \
            3 status: work is pending (migrations to apply, fewer partitions ahead than premake); \
            64 bad command line; 69 the database cannot be reached or its schema lock stayed busy.
            """,
        version: "0.1.0",
        subcommands: [MigrateCommand.self, PartitionsCommand.self]
    )

    /// Creates the command (ArgumentParser calls this).
    public init() {}
}
