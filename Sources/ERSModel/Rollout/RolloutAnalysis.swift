/// The gate of a blue-green or canary release (`rollout.analysis`): figures of the new version
/// (and, for comparison, the stable one) over a sliding window, judged once the window holds
/// enough requests. A breach aborts the release: all traffic back to the stable version.
///
/// The host executor takes the figures from the gateway's JSON access log per upstream
/// address (`upstream_status`, `upstream_response_time`), so retries on another server cannot
/// hide a failing version.
public struct RolloutAnalysis: Sendable, Hashable, Codable {
    /// Seconds of traffic each judgement looks at (default 60). A `setWeight` step passes its
    /// gate once this long has passed since the gateway served the new weights.
    public var windowSeconds: Int?
    /// Requests to the new version the window must hold before the gate judges (default 100);
    /// with fewer, the step waits.
    public var minimumRequests: Int?
    /// Limits on the new version's 5xx share.
    public var errorRate: ErrorRateLimit?
    /// Limits on the new version's 99th percentile upstream response time.
    public var p99Latency: LatencyLimit?

    /// Creates a gate.
    public init(windowSeconds: Int? = nil, minimumRequests: Int? = nil, errorRate: ErrorRateLimit? = nil, p99Latency: LatencyLimit? = nil) {
        self.windowSeconds = windowSeconds
        self.minimumRequests = minimumRequests
        self.errorRate = errorRate
        self.p99Latency = p99Latency
    }

    /// The default of ``windowSeconds``.
    public static let defaultWindowSeconds = 60
    /// The default of ``minimumRequests``.
    public static let defaultMinimumRequests = 100

    /// `windowSeconds` or its default.
    public var effectiveWindowSeconds: Int { windowSeconds ?? Self.defaultWindowSeconds }
    /// `minimumRequests` or its default.
    public var effectiveMinimumRequests: Int { minimumRequests ?? Self.defaultMinimumRequests }
}

/// Limits on the new version's share of 5xx responses (`analysis.errorRate`), in percent of its
/// upstream responses.
public struct ErrorRateLimit: Sendable, Hashable, Codable {
    /// The highest 5xx share allowed, percent (0–100), e.g. 1 or 0.5.
    public var maxPercent: Double?
    /// The most the new version's 5xx share may exceed the stable version's, in percentage
    /// points (judged only while the stable version has at least `minimumRequests` too).
    public var maxPointsAboveStable: Double?

    /// Creates limits.
    public init(maxPercent: Double? = nil, maxPointsAboveStable: Double? = nil) {
        self.maxPercent = maxPercent
        self.maxPointsAboveStable = maxPointsAboveStable
    }
}

/// Limits on the new version's 99th percentile upstream response time (`analysis.p99Latency`).
public struct LatencyLimit: Sendable, Hashable, Codable {
    /// The highest p99 allowed, milliseconds.
    public var maxMilliseconds: Int?
    /// The highest ratio of the new version's p99 to the stable version's, e.g. 1.5 (judged
    /// only while the stable version has at least `minimumRequests` too).
    public var maxRatioToStable: Double?

    /// Creates limits.
    public init(maxMilliseconds: Int? = nil, maxRatioToStable: Double? = nil) {
        self.maxMilliseconds = maxMilliseconds
        self.maxRatioToStable = maxRatioToStable
    }
}
