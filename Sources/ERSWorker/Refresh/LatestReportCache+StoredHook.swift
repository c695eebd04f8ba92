public import ERSJobs

extension LatestReportCache {
    /// The worker's `onStored` hook for this cache: ``LatestReportCache/onStored(hostname:reportType:reportID:createdAt:)``
    /// (re-read the newest report from PostgreSQL, compare-and-set it in Redis). Its errors
    /// (``ERSRedis/RedisError``, PostgreSQL errors) reach the worker's ``CacheRefresher``, which
    /// counts, logs and retries them.
    public func storedHook() -> ReportStoredHook {
        { hostname, reportType, reportID, createdAt in
            try await onStored(hostname: hostname, reportType: reportType, reportID: reportID, createdAt: createdAt)
        }
    }
}
