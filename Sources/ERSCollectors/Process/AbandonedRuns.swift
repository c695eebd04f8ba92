import Foundation
import Logging
import Metrics
import Synchronization

/// Runs that ``ProcessRunner`` gave up waiting for: past the deadline and the kill of the
/// process group, swift-subprocess did not report the end within
/// ``ProcessRunner/abandonAfter``. Each one is counted here, in the swift-metrics counter
/// `ers_process_runs_abandoned_total` (exported by `/metrics` where Prometheus is set up), and
/// logged as a warning.
///
/// An abandoned run leaks what swift-subprocess still holds for it until (if ever) it reports
/// the end: its suspended launch task, the child's pidfd, the read ends of the stdout and
/// stderr pipes (at most 3 file descriptors), and the child's zombie if it was never reaped.
public enum AbandonedRuns {
    private static let total = Atomic<Int>(0)

    /// Runs abandoned since this process started.
    public static var count: Int { total.load(ordering: .relaxed) }

    /// Counts one abandoned run and logs it (`executable`, `pid`, seconds since the start).
    static func record(executable: String, pid: Int32?, seconds: Double, logger: Logger) {
        total.add(1, ordering: .relaxed)
        Counter(label: "ers_process_runs_abandoned_total").increment()
        logger.warning("abandoned a run: swift-subprocess did not report the end of the process after its deadline and the kill of its process group; its launch task, pidfd and at most 2 pipe descriptors stay allocated", metadata: [
            "executable": .string(executable),
            "pid": pid.map { .stringConvertible($0) } ?? .string("not spawned"),
            "seconds": .string(String(format: "%.1f", seconds)),
            "abandoned_total": .stringConvertible(count),
        ])
    }
}
