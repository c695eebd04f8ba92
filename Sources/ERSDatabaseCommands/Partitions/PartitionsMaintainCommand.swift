import ArgumentParser
import ERSDatabase

/// `ersctl-db partitions maintain`: creates, fills gaps, moves DEFAULT rows, retires.
struct PartitionsMaintainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintain",
        abstract: "Create missing monthly partitions (premake ahead, gaps filled) and apply retention.",
        discussion: "Idempotent: a second run does nothing. Exits 0 when every step succeeded, 1 when a step failed after its retries or a problem needs a person (an overlapping partition, a name taken)."
    )

    @OptionGroup var options: PartitionsOptions

    func run() async throws {
        let report = try await options.withMaintainer("ersctl-db partitions maintain") { try await $0.maintain() }
        for line in report.done { Console.out(line) }
        for problem in report.problems { Console.error("\(problem)") }
        for failure in report.failures { Console.error(failure) }
        if report.done.isEmpty && report.isComplete { Console.out("nothing to do: every table has its partitions") }
        if !report.isComplete { throw DatabaseExitCode.failure }
    }
}
