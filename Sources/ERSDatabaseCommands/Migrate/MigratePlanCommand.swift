import ArgumentParser
import ERSDatabase

/// `ersctl-db migrate plan`: what `up` would run, running nothing.
struct MigratePlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the migrations `up` would apply, without applying anything.",
        discussion: "Reads the history only (creates nothing, takes no lock). Exits 1 when `up` would refuse to run (a changed applied file, a partly applied failure)."
    )

    @OptionGroup var options: MigrationOptions

    func run() async throws {
        try await options.withRunner("ersctl-db migrate plan") { runner in
            let comparison = try await runner.compare()
            let files = comparison.toRun
            if files.isEmpty { Console.out("nothing to apply: the database is up to date") }
            for file in files {
                Console.out("would apply \(file.path): \(file.statements.count) statement\(file.statements.count == 1 ? "" : "s"), \(file.modeDescription)")
            }
            try runner.check(comparison)
        }
    }
}
