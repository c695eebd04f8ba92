import ArgumentParser
import ERSDatabase
import Foundation

/// `ersctl-db migrate status`: every file and its state.
struct MigrateStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List the migrations: applied, pending, outdated (repeatable, changed), CHANGED, FAILED.",
        discussion: "Exits 0 when everything is applied, 3 when some migrations are pending, 1 when an applied file changed or a migration failed."
    )

    @OptionGroup var options: MigrationOptions

    func run() async throws {
        let comparison = try await options.withRunner("ersctl-db migrate status") { try await $0.compare() }
        for entry in comparison.entries {
            Console.out(line(for: entry))
        }
        if comparison.entries.isEmpty { Console.out("no migrations in \(options.migrations)") }
        let failed = comparison.entries.contains { if case .failed = $0.state { true } else { false } }
        if !comparison.changed.isEmpty || failed {
            Console.error("applied migrations changed or failed: see the CHANGED and FAILED lines; `ersctl migrate up` explains what to do")
            throw DatabaseExitCode.failure
        }
        if !comparison.toRun.isEmpty { throw DatabaseExitCode.pending }
    }

    /// `applied   0001_create_reports.sql  2026-01-05 10:00:00 UTC  35 ms  a1b2c3d4e5f6`.
    func line(for entry: MigrationStatusEntry) -> String {
        let state = entry.state.label.padding(toLength: 9, withPad: " ", startingAt: 0)
        switch entry.state {
        case .applied(let record):
            return "\(state) \(entry.script)  \(record.appliedAt) UTC  \(record.durationMilliseconds) ms  \(record.checksum.prefix(12))"
        case .pending:
            return "\(state) \(entry.script)"
        case .outdated(let record):
            return "\(state) \(entry.script)  last applied \(record.appliedAt) UTC; changed since, `up` applies it again"
        case .changed(let record):
            return "\(state) \(entry.script)  applied \(record.appliedAt) UTC as \(record.checksum.prefix(12)), file is now \(entry.file?.checksum.prefix(12) ?? "?")"
        case .failed(let record):
            return "\(state) \(entry.script)  \(record.appliedAt) UTC: \(record.error ?? "")"
        case .missingFile(let record):
            return "\(state) \(entry.script)  applied \(record.appliedAt) UTC; the file is not in the directory"
        }
    }
}
