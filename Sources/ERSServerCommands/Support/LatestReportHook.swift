import ERSJobs
import ERSServerCore
import ERSWorker
import Foundation
import Logging

/// The worker's `onStored` hook: refreshes the collection API's latest-report cache in Redis
/// (``LatestReportCache``) after each stored report. Without `REDIS_URL` it does nothing (the
/// API then reads through on its next request). A failure is logged, never thrown: the report is
/// stored either way and the cached entry expires after its TTL.
enum LatestReportHook {
    static func make(runtime: ServerRuntime, ttl: Duration, logger: Logger) -> ReportStoredHook {
        guard let redis = runtime.redis, let postgres = runtime.postgres else { return { _, _, _, _ in } }
        let cache = LatestReportCache(redis: redis, reports: ReportQuery(client: postgres, logger: logger), ttl: ttl, logger: logger)
        return { hostname, reportType, reportID, createdAt in
            do {
                try await cache.onStored(hostname: hostname, reportType: reportType, reportID: reportID, createdAt: createdAt)
            } catch {
                logger.warning("latest report cache not refreshed; the entry expires after its TTL",
                               metadata: ["host": "\(hostname)", "report.type": "\(reportType)", "error": "\(error)"])
            }
        }
    }
}
