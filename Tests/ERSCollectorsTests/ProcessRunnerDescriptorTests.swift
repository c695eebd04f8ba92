@testable import ERSCollectors
import Foundation
import Testing

@Suite("ProcessRunner descriptors")
struct ProcessRunnerDescriptorTests {
    /// No pipe or pidfd is left open by a run, whatever its end: normal exit with input and
    /// output, deadline (group killed), output over the limit, launch failure.
    @Test(.timeLimit(.minutes(5))) func manyRunsLeaveNoDescriptorOpen() async throws {
        // Warm-up: swift-subprocess opens its epoll and eventfd descriptors once per process.
        _ = try? await ProcessRunner().run(executable: "/bin/sh", arguments: ["-c", "true"], input: "", timeout: .seconds(30))
        let before = Descriptors.count()
        await withTaskGroup(of: Void.self) { group in
            for round in 0..<100 {
                if round >= 10 { await group.next() }
                group.addTask { await Self.oneRun(kind: round % 4) }
            }
        }
        let after = Descriptors.count()
        // Other suites may run at the same time: a small slack, far below one per run.
        #expect(after.pipes <= before.pipes + 6, "pipes: \(before.pipes) before, \(after.pipes) after 100 runs")
        #expect(after.pidfds <= before.pidfds + 2, "pidfds: \(before.pidfds) before, \(after.pidfds) after 100 runs")
    }

    static func oneRun(kind: Int) async {
        var runner = ProcessRunner()
        runner.outputLimit = 100
        runner.killGrace = .milliseconds(100)
        switch kind {
        case 0: _ = try? await runner.run(executable: "/bin/sh", arguments: ["-c", "cat; echo err >&2"], input: "ers\n", timeout: .seconds(30))
        case 1: _ = try? await runner.run(executable: "/bin/sh", arguments: ["-c", "sleep 5"], input: "ers\n", timeout: .milliseconds(50))
        case 2: _ = try? await runner.run(executable: "/bin/sh", arguments: ["-c", "head -c 1000 /dev/zero"], input: "", timeout: .seconds(30))
        default: _ = try? await runner.run(executable: "/nonexistent/ers-test", arguments: [], input: "ers\n", timeout: .seconds(30))
        }
    }
}

/// This process's open descriptors by kind (/proc/self/fd, proc(5)).
enum Descriptors {
    static func count() -> (pipes: Int, pidfds: Int) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        let targets = entries.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
        return (targets.filter { $0.hasPrefix("pipe:") }.count, targets.filter { $0 == "anon_inode:[pidfd]" }.count)
    }
}
