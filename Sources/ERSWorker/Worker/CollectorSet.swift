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

/// Called after a job's report was stored (committed): host name, report type, `reports.id`
/// and `reports.created_at`. The collection role wires it to its latest-report cache.
public typealias ReportStoredHook = @Sendable (_ hostname: String, _ reportType: String, _ reportID: Int64, _ createdAt: Date) async -> Void
