public import ERSCollectors
public import ERSFleet
public import Foundation

/// The collector the worker uses for each transport. A transport without one fails its jobs
/// as permanent, saying so.
public struct CollectorSet: Sendable {
    public var collectors: [Transport: any Collector]

    public init(_ collectors: [Transport: any Collector]) {
        self.collectors = collectors
    }
}

/// Called in the background after a job's report was stored (committed): host name, report
/// type, `reports.id` and `reports.created_at`. `ers-server worker` wires it to the collection
/// API's latest-report cache (``LatestReportCache/storedHook()``). The worker never waits for
/// it before its next claim; an error it throws is counted, logged and retried with backoff
/// (see docs/ers-server.md, "Latest report cache").
public typealias ReportStoredHook = @Sendable (_ hostname: String, _ reportType: String, _ reportID: Int64, _ createdAt: Date) async throws -> Void
