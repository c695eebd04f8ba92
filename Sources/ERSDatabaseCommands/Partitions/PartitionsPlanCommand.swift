import ArgumentParser
import ERSDatabase

/// `ersctl-db partitions plan`: what `maintain` would do, doing nothing.
struct PartitionsPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print what `maintain` would do, without changing anything.",
        discussion: "Exits 0, or 1 when there are problems `maintain` would not solve on its own."
    )

    @OptionGroup var options: PartitionsOptions

    func run() async throws {
        let plans = try await options.withMaintainer("ersctl-db partitions plan") { try await $0.plan() }
        for plan in plans {
            if plan.actions.isEmpty { Console.out("\(plan.table): nothing to do") }
            for action in plan.actions { Console.out("\(plan.table): would \(action)") }
            for problem in plan.problems { Console.error("\(problem)") }
        }
        if plans.contains(where: { !$0.problems.isEmpty }) { throw DatabaseExitCode.failure }
    }
}
