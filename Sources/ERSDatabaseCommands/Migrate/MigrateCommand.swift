import ArgumentParser

/// `ersctl-db migrate up|plan|status|repair`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the rendered SQL migrations (sql/NNNN_*.sql, then sql/R__*.sql).",
        discussion: """
            Each file runs once, in version order, in its own transaction (unless its header \
            says `-- ers:migrate no-transaction`); repeatable R__ files run again when they \
            change. The history is in the table ers_schema_history. Concurrent runners are \
            safe: they take turns on a PostgreSQL advisory lock.
            """,
        subcommands: [MigrateUpCommand.self, MigratePlanCommand.self, MigrateStatusCommand.self, MigrateRepairCommand.self]
    )
}

/// The options of every `migrate` subcommand.
struct MigrationOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(help: "The migrations directory (the rendered sql/ folder).")
    var migrations = "sql"

    @Option(help: "Seconds to wait for the schema lock while another migration or partition maintenance runs.")
    var lockWait = 600

    /// The `repair` command for messages, with this invocation's directory.
    var repairCommand: String {
        var command = "ersctl migrate repair --migrations \(migrations)"
        if let url = database.databaseURL { command += " --database-url '\(url)'" }
        return command
    }
}
