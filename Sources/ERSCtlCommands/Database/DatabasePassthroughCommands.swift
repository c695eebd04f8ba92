import ArgumentParser

/// `ersctl migrate …`: runs `ersctl-db migrate …` (see ``DatabaseTool``).
struct MigratePassthroughCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the rendered SQL migrations: up, plan, status, repair (runs ersctl-db; `ersctl migrate --help`).",
        helpNames: []
    )

    @Argument(parsing: .captureForPassthrough, help: "Passed to `ersctl-db migrate`.")
    var arguments: [String] = []

    func run() throws {
        throw ExitCode(DatabaseTool.exec(["migrate"] + arguments))
    }
}

/// `ersctl partitions …`: runs `ersctl-db partitions …` (see ``DatabaseTool``).
struct PartitionsPassthroughCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partitions",
        abstract: "Maintain monthly partitions: maintain, plan, status (runs ersctl-db; `ersctl partitions --help`).",
        helpNames: []
    )

    @Argument(parsing: .captureForPassthrough, help: "Passed to `ersctl-db partitions`.")
    var arguments: [String] = []

    func run() throws {
        throw ExitCode(DatabaseTool.exec(["partitions"] + arguments))
    }
}
