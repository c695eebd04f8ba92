import ArgumentParser
import ERSDatabase

/// `ersctl-db migrate up`: applies what is pending.
struct MigrateUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Apply every pending migration, in order.",
        discussion: "Exits 0 when everything is applied (also when nothing was pending), 1 when a file changed after it was applied or a statement failed."
    )

    @OptionGroup var options: MigrationOptions

    func run() async throws {
        let applied = try await options.withRunner("ersctl-db migrate up") { try await $0.up() }
        Console.out(applied.isEmpty ? "nothing to apply: the database is up to date" : "applied \(applied.count) migration\(applied.count == 1 ? "" : "s")")
    }
}
