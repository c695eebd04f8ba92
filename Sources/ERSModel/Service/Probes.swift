/// The container's probes (Kubernetes `livenessProbe`, `readinessProbe`, `startupProbe`).
public struct Probes: Sendable, Hashable, Codable {
    /// Restarts the container when it fails (`/health`: the process serves).
    public var liveness: Probe?
    /// Takes the pod out of its Service while it fails (`/ready`: dependencies answer).
    public var readiness: Probe?
    /// Holds the other probes back until the container has started.
    public var startup: Probe?

    /// Creates probes.
    public init(liveness: Probe? = nil, readiness: Probe? = nil, startup: Probe? = nil) {
        self.liveness = liveness
        self.readiness = readiness
        self.startup = startup
    }
}

/// An HTTP GET probe on a named port (Kubernetes `Probe` with `httpGet`). Times in seconds.
public struct Probe: Sendable, Hashable, Codable {
    /// The request path, e.g. `/health`.
    public var path: String
    /// The name of a declared container port.
    public var port: String
    /// Seconds after start before the first probe (default 0).
    public var initialDelaySeconds: Int?
    /// Seconds between probes (default 10).
    public var periodSeconds: Int?
    /// Seconds before a probe times out (default 1).
    public var timeoutSeconds: Int?
    /// Consecutive failures that count as failed (default 3).
    public var failureThreshold: Int?
    /// Consecutive successes that count as succeeded (default 1; must be 1 for liveness and startup).
    public var successThreshold: Int?

    /// Creates a probe.
    public init(
        path: String, port: String, initialDelaySeconds: Int? = nil, periodSeconds: Int? = nil,
        timeoutSeconds: Int? = nil, failureThreshold: Int? = nil, successThreshold: Int? = nil
    ) {
        self.path = path
        self.port = port
        self.initialDelaySeconds = initialDelaySeconds
        self.periodSeconds = periodSeconds
        self.timeoutSeconds = timeoutSeconds
        self.failureThreshold = failureThreshold
        self.successThreshold = successThreshold
    }
}
