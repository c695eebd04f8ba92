/// What one upstream server (one version) did over a window: its responses, 5xx responses and
/// 99th percentile response time, from the access log's per-attempt fields.
public struct UpstreamFigures: Sendable, Hashable, Codable {
    /// Attempts that got an HTTP status from this server.
    public var requests: Int
    /// Of those, 5xx.
    public var serverErrors: Int
    /// The 99th percentile of their response times, seconds (nil without requests).
    public var p99Seconds: Double?
    /// Requests whose final answer came from this server (what clients got from it).
    public var served: Int

    /// Creates figures.
    public init(requests: Int = 0, serverErrors: Int = 0, p99Seconds: Double? = nil, served: Int = 0) {
        self.requests = requests
        self.serverErrors = serverErrors
        self.p99Seconds = p99Seconds
        self.served = served
    }

    /// The figures of `attempts` (all of them of one server).
    public init(attempts: [AccessLogEntry.Attempt]) {
        let answered = attempts.filter { $0.status != nil }
        requests = answered.count
        serverErrors = answered.filter { ($0.status ?? 0) >= 500 }.count
        served = attempts.filter(\.isFinal).count
        p99Seconds = Self.percentile(0.99, of: answered.compactMap(\.seconds))
    }

    /// The 5xx share in percent (0 without requests).
    public var errorPercent: Double { requests == 0 ? 0 : Double(serverErrors) * 100 / Double(requests) }

    /// `312 requests, 5xx 0.3%, p99 41 ms`.
    public var summary: String {
        let p99 = p99Seconds.map { "\(Int(($0 * 1000).rounded())) ms" } ?? "-"
        return "\(requests) requests, 5xx \(Self.format(errorPercent))%, p99 \(p99)"
    }

    /// The nearest-rank percentile `q` (0–1) of `values`; nil when empty.
    static func percentile(_ q: Double, of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// A percentage with at most two decimals.
    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }
}
