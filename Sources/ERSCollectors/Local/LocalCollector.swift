/// Collects the worker's own host: the report script run by `/bin/sh -s` locally (through
/// swift-subprocess, in its own session; the overall timeout kills the process group).
public struct LocalCollector: Collector {
    /// The shell (default `/bin/sh`).
    public var shell: String
    /// Whole-run deadline.
    public var overallTimeout: Duration
    /// Most bytes of report output accepted.
    public var outputLimit: Int

    /// A collector running the report with `shell -s` (POSIX sh) on this host, within
    /// `overallTimeout`, keeping at most `outputLimit` bytes of output.
    public init(shell: String = "/bin/sh", overallTimeout: Duration = .seconds(60), outputLimit: Int = 4 * 1024 * 1024) {
        self.shell = shell
        self.overallTimeout = overallTimeout
        self.outputLimit = outputLimit
    }

    /// Runs the report script here for a `local` target and parses it; never throws: a wrong
    /// transport, an unknown report type, a timeout or unparsable output is a ``CollectionFailure``.
    public func collect(_ target: CollectionTarget, reportType: String) async -> CollectionOutcome {
        guard reportType == "system" else {
            return .failed(CollectionFailure(.permanent, "unknown report type \(reportType.debugDescription); the local collector knows \"system\""))
        }
        var runner = ProcessRunner()
        runner.outputLimit = outputLimit
        do {
            let result = try await runner.run(executable: shell, arguments: ["-s"], input: ReportScript.text(token: ReportScript.makeToken()),
                                              timeout: overallTimeout)
            return ReportOutcome.make(raw: result.standardOutput, reportType: reportType, seconds: result.seconds,
                                      source: "local \(shell)", exitCode: result.exitCode, signal: result.signal,
                                      standardError: result.standardError)
        } catch {
            switch error {
            case .timedOut(let seconds):
                return .failed(CollectionFailure(.transient, "local report: not finished within \(overallTimeout) (killed after \(Int(seconds)) s)"))
            case .outputTooLarge(let limit):
                return .failed(CollectionFailure(.permanent, "local report: larger than the \(limit)-byte limit"))
            case .launchFailed(let message):
                return .failed(CollectionFailure(.permanent, "local report: cannot start \(shell): \(message)"))
            }
        }
    }
}
