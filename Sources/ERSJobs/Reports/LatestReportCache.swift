public import ERSRedis
public import Foundation
public import Logging

/// The newest report per host and report type, cached in Redis in front of
/// ``ReportQuery/latest(hostname:reportType:)``.
///
/// Key `latest-report:<type>:<host>` (report types have no `:`), value
/// `v1\n<created_at µs since 2000>\n<id>\n<host>\n<type>\n<JSON document>`, expiring after
/// ``ttl``. Reads go through: a miss reads PostgreSQL and fills the key. The worker calls
/// ``onStored(hostname:reportType:reportID:createdAt:)`` after each stored report, in the
/// background (ERSWorker's cache refresher: bounded, retried, never on a job's path). Every write
/// is a compare-and-set in one `EVAL` (Redis docs "EVAL"): a value is replaced only by a report
/// at least as new (`created_at`, then `id`), so a slow reader or two workers finishing out of
/// order can never put an older report back.
public struct LatestReportCache: Sendable {
    let redis: RedisClient
    let reports: ReportQuery
    /// How long a cached entry lives without a refresh.
    public let ttl: Duration
    let logger: Logger

    /// Where a ``latest(hostname:reportType:)`` answer came from.
    public enum Source: String, Sendable {
        /// Redis had it.
        case hit
        /// Read from PostgreSQL (and cached when a report exists).
        case miss
    }

    /// A cache in `redis` over `reports`, entries living `ttl`.
    public init(redis: RedisClient, reports: ReportQuery, ttl: Duration, logger: Logger) {
        self.redis = redis
        self.reports = reports
        self.ttl = ttl
        self.logger = logger
    }

    static func key(hostname: String, reportType: String) -> String { "latest-report:\(reportType):\(hostname)" }

    /// The newest report of `reportType` from `hostname`, nil when it has none.
    /// - Throws: ``RedisError`` or PostgreSQL errors.
    public func latest(hostname: String, reportType: String) async throws -> (report: Report?, source: Source) {
        if let text = try await redis.get(Self.key(hostname: hostname, reportType: reportType)), let report = Self.decode(text) {
            return (report, .hit)
        }
        let report = try await reports.latest(hostname: hostname, reportType: reportType)
        if let report { try await store(report) }
        return (report, .miss)
    }

    /// Re-reads the newest report of `reportType` from `hostname` and caches it: the target of
    /// the worker's `onStored` hook, called after the report's transaction committed.
    /// - Throws: ``RedisError`` or PostgreSQL errors.
    public func refresh(hostname: String, reportType: String) async throws {
        if let report = try await reports.latest(hostname: hostname, reportType: reportType) {
            try await store(report)
        }
    }

    /// The worker's hook after a report was stored (its transaction committed): refreshes the
    /// entry of `hostname` and `reportType` from PostgreSQL (the newest report, which is
    /// `reportID` unless an even newer one exists; `reportID` and `createdAt` are for the log).
    /// - Throws: ``RedisError`` or PostgreSQL errors; the worker's refresher counts, logs and
    ///   retries them — the report is stored either way and the entry expires after ``ttl`` at the latest.
    public func onStored(hostname: String, reportType: String, reportID: Int64, createdAt: Date) async throws {
        try await refresh(hostname: hostname, reportType: reportType)
        logger.debug("latest report cache refreshed", metadata: ["host": "\(hostname)", "report.type": "\(reportType)", "report.id": "\(reportID)"])
    }

    /// Caches `report` unless a newer one is cached.
    /// - Throws: ``RedisError``.
    func store(_ report: Report) async throws {
        let script = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local c, i = string.match(current, '^v1\\n(%-?%d+)\\n(%d+)\\n')
              if c then
                c = tonumber(c); i = tonumber(i)
                local nc = tonumber(ARGV[2]); local ni = tonumber(ARGV[3])
                if c > nc or (c == nc and i > ni) then return 0 end
              end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
            return 1
            """
        let milliseconds = max(1, ttl.components.seconds * 1000 + ttl.components.attoseconds / 1_000_000_000_000_000)
        try await redis.send(RedisCommand("EVAL", [script, "1", Self.key(hostname: report.hostname, reportType: report.reportType),
                                                   Self.encode(report), String(report.createdAt.microsecondsSince2000), String(report.id.id),
                                                   String(milliseconds)]))
    }

    static func encode(_ report: Report) -> String {
        "v1\n\(report.createdAt.microsecondsSince2000)\n\(report.id.id)\n\(report.hostname)\n\(report.reportType)\n\(report.data ?? "null")"
    }

    /// The cached report; nil for anything else (treated as a miss).
    static func decode(_ text: String) -> Report? {
        let fields = text.split(separator: "\n", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "v1", let micros = Int64(fields[1]), let id = Int64(fields[2]) else { return nil }
        return Report(id: ReportID(id: id, createdAt: DatabaseTimestamp(microsecondsSince2000: micros)), hostname: String(fields[3]),
                      reportType: String(fields[4]), data: String(fields[5]))
    }
}
