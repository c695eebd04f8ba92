/// How ``HTTPCollector`` asks an agent for a report.
public struct HTTPConfiguration: Sendable {
    /// `https` (default; certificates verified) or `http` (for agents behind a trusted network
    /// only).
    public var scheme: String
    /// Request path; the query `type=<report type>` is added (default `/report`).
    public var path: String
    /// PEM file of CA certificates trusted for agents' certificates; nil: the system's roots.
    public var caFile: String?
    /// TCP + TLS connect timeout.
    public var connectTimeout: Duration
    /// Whole-request deadline (connect, request, full body).
    public var overallTimeout: Duration
    /// Most body bytes accepted; a larger body is a permanent failure.
    public var responseLimit: Int

    /// Settings for agents at `scheme://address:port/path` (`https` unless a test needs
    /// `http`), trusting only the CAs in `caFile` (PEM) when given, else the system roots; timeouts in
    /// seconds as `Duration`s, `responseLimit` in bytes.
    public init(scheme: String = "https", path: String = "/report", caFile: String? = nil,
                connectTimeout: Duration = .seconds(10), overallTimeout: Duration = .seconds(60),
                responseLimit: Int = 4 * 1024 * 1024) {
        self.scheme = scheme
        self.path = path
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.overallTimeout = overallTimeout
        self.responseLimit = responseLimit
    }
}
