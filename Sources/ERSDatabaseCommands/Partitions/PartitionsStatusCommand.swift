import ArgumentParser
import ERSDatabase

/// `ersctl-db partitions status`: partitions, gaps, DEFAULT rows, coverage.
struct PartitionsStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List each table's partitions (bounds, estimated rows), gaps, DEFAULT rows and months covered ahead.",
        discussion: "Exits 0 when every table has partitions at least premake months ahead, 3 when one has fewer (run `maintain`), 1 on an error or a problem."
    )

    @OptionGroup var options: PartitionsOptions

    func run() async throws {
        let statuses = try await options.withMaintainer("ersctl-db partitions status") { try await $0.status() }
        for (index, status) in statuses.enumerated() {
            if index > 0 { Console.out("") }
            for line in PartitionStatusText.lines(for: status) { Console.out(line) }
        }
        if statuses.contains(where: { !$0.problems.isEmpty }) { throw DatabaseExitCode.failure }
        if statuses.contains(where: \.isBelowPremake) { throw DatabaseExitCode.pending }
    }
}
