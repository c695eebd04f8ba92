public import ERSCollectors
public import ERSFleet
public import Foundation

/// The collector the worker uses for each transport. The worker claims only jobs whose host
/// uses one of them (``transports``); jobs of other transports wait for a worker that has one.
public struct CollectorSet: Sendable {
    /// The collector per transport; a transport missing here is not collected by this worker.
    public var collectors: [Transport: any Collector]

    /// A set of `collectors`.
    public init(_ collectors: [Transport: any Collector]) {
        self.collectors = collectors
    }

    /// The `hosts.transport` values this worker collects, sorted (for ``JobQueue/claim(limit:worker:transports:)``).
    public var transports: [String] { collectors.keys.map(\.rawValue).sorted() }

    /// What gives a worker a collector for `transport` (for messages).
    public static func howToEnable(_ transport: Transport) -> String {
        switch transport {
        case .ssh: "set SSH_KNOWN_HOSTS_FILE (and SSH_PRIVATE_KEY_FILE) on a worker to collect ssh hosts"
        case .http: "HTTP agents are collected by every worker (HTTP_AGENT_SCHEME, HTTP_AGENT_CA_FILE)"
        case .local: "set LOCAL_COLLECTOR=true on the worker that should collect local hosts"
        }
    }
}

/// Called in the background after a job's report was stored (committed): host name, report
/// type, `reports.id` and `reports.created_at`. `ers-server worker` wires it to the collection
/// API's latest-report cache (``LatestReportCache/storedHook()``). The worker never waits for
/// it before its next claim; an error it throws is counted, logged and retried with backoff
/// (see docs/ers-server.md, "Latest report cache").
public typealias ReportStoredHook = @Sendable (_ hostname: String, _ reportType: String, _ reportID: Int64, _ createdAt: Date) async throws -> Void
