public import ERSJobs
public import ERSServerCore
import Foundation

/// What `ers-server worker` reads from its environment besides ``ServerConfiguration``:
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `WORKER_ID` | `jobs.leased_by` and log name | host name and process id |
/// | `WORKER_CONCURRENCY` | collections at once (1–256) | `8` |
/// | `WORKER_LEASE_SECONDS` | lease per claim, renewed by heartbeats (5–3600) | `60` |
/// | `WORKER_HEARTBEAT_SECONDS` | heartbeat interval (1–lease/2) | lease / 3 |
/// | `WORKER_POLL_SECONDS` | polling fallback when no NOTIFY arrives (1–300) | `5` |
/// | `WORKER_RESCUE_SECONDS` | how often expired leases are rescued (1–3600) | `15` |
/// | `WORKER_STORE_BATCH` | reports stored per transaction at most (1–5000) | `200` |
/// | `JOB_RETRY_BASE_SECONDS`, `JOB_RETRY_CAP_SECONDS` | full-jitter backoff base and cap | `2`, `300` |
/// | `JOB_RETENTION_HOURS` | finished jobs kept before pruning (1–8760) | `168` |
/// | `JOB_PRUNE_BATCH` | jobs deleted per statement (1–100000) | `1000` |
/// | `BREAKER_FAILURES` | transient failures in a row that open a host's circuit (1–1000) | `5` |
/// | `BREAKER_OPEN_SECONDS` | how long it stays open (0–86400) | `60` |
/// | `WORKER_CACHE_REFRESH_BUFFER` | latest-report cache refreshes waiting at most, one per host and report type; the oldest is dropped when full (1–1000000) | `10000` |
/// | `WORKER_CACHE_REFRESH_CONCURRENCY` | cache refreshes at once (1–64) | `4` |
///
/// The collectors' own settings (`SSH_KNOWN_HOSTS_FILE`, `SSH_PRIVATE_KEY_FILE`, `SSH_USER`,
/// timeouts) are read by the collectors.
public struct WorkerConfiguration: Sendable {
    /// `WORKER_ID`: written to `jobs.leased_by`.
    public var workerID: String
    /// `WORKER_CONCURRENCY`: collections at once (1–256).
    public var concurrency: Int
    /// Lease, backoff, retention and prune settings of the queue.
    public var queue: QueueOptions
    /// `WORKER_HEARTBEAT_SECONDS`: seconds between lease renewals.
    public var heartbeatSeconds: Double
    /// `WORKER_POLL_SECONDS`: seconds between claims when no NOTIFY arrives.
    public var pollSeconds: Double
    /// `WORKER_RESCUE_SECONDS`: seconds between rescues of expired leases.
    public var rescueSeconds: Double
    /// `WORKER_STORE_BATCH`: most reports stored in one transaction.
    public var storeBatch: Int
    /// `BREAKER_FAILURES`: transient failures in a row that open an endpoint's circuit.
    public var breakerFailures: Int
    /// `BREAKER_OPEN_SECONDS`: seconds a circuit stays open.
    public var breakerOpenSeconds: Double
    /// `WORKER_CACHE_REFRESH_BUFFER`: latest-report cache refreshes waiting at most (one per
    /// host and report type; the oldest is dropped when full).
    public var cacheRefreshCapacity: Int
    /// `WORKER_CACHE_REFRESH_CONCURRENCY`: cache refreshes running at once.
    public var cacheRefreshConcurrency: Int

    /// A configuration from parts (tests).
    public init(workerID: String = WorkerConfiguration.defaultWorkerID(), concurrency: Int = 8, queue: QueueOptions = QueueOptions(),
                heartbeatSeconds: Double? = nil, pollSeconds: Double = 5, rescueSeconds: Double = 15, storeBatch: Int = 200,
                breakerFailures: Int = 5, breakerOpenSeconds: Double = 60, cacheRefreshCapacity: Int = 10_000,
                cacheRefreshConcurrency: Int = 4) {
        self.workerID = workerID
        self.concurrency = max(1, concurrency)
        self.queue = queue
        self.heartbeatSeconds = heartbeatSeconds ?? max(1, queue.leaseSeconds / 3)
        self.pollSeconds = pollSeconds
        self.rescueSeconds = rescueSeconds
        self.storeBatch = max(1, storeBatch)
        self.breakerFailures = breakerFailures
        self.breakerOpenSeconds = breakerOpenSeconds
        self.cacheRefreshCapacity = max(1, cacheRefreshCapacity)
        self.cacheRefreshConcurrency = max(1, cacheRefreshConcurrency)
    }

    /// Reads the table above.
    /// - Throws: ``ConfigurationError`` naming the first variable that is wrong.
    public init(environment: ServerEnvironment) throws {
        let lease = try environment.integer("WORKER_LEASE_SECONDS", default: 60, range: 5...3600)
        let heartbeat = try environment.integer("WORKER_HEARTBEAT_SECONDS", default: max(1, lease / 3), range: 1...max(1, lease / 2))
        let base = try environment.integer("JOB_RETRY_BASE_SECONDS", default: 2, range: 0...3600)
        let cap = try environment.integer("JOB_RETRY_CAP_SECONDS", default: 300, range: 0...86_400)
        guard cap >= base else { throw ConfigurationError("JOB_RETRY_CAP_SECONDS", "\(cap) is below JOB_RETRY_BASE_SECONDS (\(base)); the cap must be at least the base") }
        let queue = QueueOptions(leaseSeconds: Double(lease), backoffBaseSeconds: Double(base), backoffCapSeconds: Double(cap),
                                 retentionSeconds: Double(try environment.integer("JOB_RETENTION_HOURS", default: 168, range: 1...8760)) * 3600,
                                 pruneBatchSize: try environment.integer("JOB_PRUNE_BATCH", default: 1000, range: 1...100_000))
        self.init(
            workerID: environment.string("WORKER_ID") ?? Self.defaultWorkerID(),
            concurrency: try environment.integer("WORKER_CONCURRENCY", default: 8, range: 1...256), queue: queue,
            heartbeatSeconds: Double(heartbeat),
            pollSeconds: Double(try environment.integer("WORKER_POLL_SECONDS", default: 5, range: 1...300)),
            rescueSeconds: Double(try environment.integer("WORKER_RESCUE_SECONDS", default: 15, range: 1...3600)),
            storeBatch: try environment.integer("WORKER_STORE_BATCH", default: 200, range: 1...5000),
            breakerFailures: try environment.integer("BREAKER_FAILURES", default: 5, range: 1...1000),
            breakerOpenSeconds: Double(try environment.integer("BREAKER_OPEN_SECONDS", default: 60, range: 0...86_400)),
            cacheRefreshCapacity: try environment.integer("WORKER_CACHE_REFRESH_BUFFER", default: 10_000, range: 1...1_000_000),
            cacheRefreshConcurrency: try environment.integer("WORKER_CACHE_REFRESH_CONCURRENCY", default: 4, range: 1...64))
        if workerID.utf8.count > 255 { throw ConfigurationError("WORKER_ID", "is longer than 255 bytes (jobs.leased_by)") }
    }

    /// `<host name>-<process id>`: unique per process, readable in `jobs.leased_by`.
    public static func defaultWorkerID() -> String {
        "\(ProcessInfo.processInfo.hostName.prefix(200))-\(ProcessInfo.processInfo.processIdentifier)"
    }
}
