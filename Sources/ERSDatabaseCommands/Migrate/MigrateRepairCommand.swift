import ArgumentParser
import ERSDatabase

/// `ersctl-db migrate repair`: accepts changed applied files and clears failed attempts.
struct MigrateRepairCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Accept the current text of changed applied migrations and clear failed attempts.",
        discussion: """
            Sets the recorded checksum of every applied file that changed to the file's checksum \
            (run it only when the database already matches the new text) and deletes failed \
            attempts from the history, so that `up` runs those files again. Changes no schema.
            """
    )

    @OptionGroup var options: MigrationOptions

    func run() async throws {
        let done = try await options.withRunner("ersctl-db migrate repair") { try await $0.repair() }
        if done.isEmpty { Console.out("nothing to repair") }
        for line in done { Console.out(line) }
    }
}
