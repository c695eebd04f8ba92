import ERSJobs
import ERSServerCore
import ERSWorker
import Foundation
import Logging

/// The worker's `onStored` hook: refreshes the collection API's latest-report cache in Redis
/// (``LatestReportCache``) after each stored report, in the worker's background refresher
/// (failures are counted, logged and retried there; the claim path never waits for Redis).
/// Without `REDIS_URL` it does nothing (the API then reads through on its next request).
enum LatestReportHook {
    static func make(runtime: ServerRuntime, ttl: Duration, logger: Logger) -> ReportStoredHook {
        guard let redis = runtime.redis, let postgres = runtime.postgres else { return { _, _, _, _ in } }
        return LatestReportCache(redis: redis, reports: ReportQuery(client: postgres, logger: logger), ttl: ttl, logger: logger).storedHook()
    }
}
