/// The recent upstream attempts of one service's two versions, fed from the access log and
/// kept for a sliding window; only attempts served by the current config generation count.
struct TrafficWindow {
    private struct Sample {
        var arrival: ContinuousClock.Instant
        var generation: String
        var attempt: AccessLogEntry.Attempt
    }

    /// The upstream groups of the service (its routed upstreams and their test upstreams).
    let upstreams: Set<String>
    private var samples: [Sample] = []
    /// The last time an attempt to each address arrived, whatever the generation.
    private(set) var lastSeen: [String: ContinuousClock.Instant] = [:]

    init(upstreams: Set<String>) {
        self.upstreams = upstreams
    }

    /// Adds the attempts of `entries` (of this service's upstreams) as arriving `now`, and drops
    /// samples older than `keep`.
    mutating func add(_ entries: [AccessLogEntry], now: ContinuousClock.Instant, keep: Duration) {
        for entry in entries where upstreams.contains(entry.upstream) {
            for attempt in entry.attempts {
                samples.append(Sample(arrival: now, generation: entry.configGeneration, attempt: attempt))
                lastSeen[attempt.address] = now
            }
        }
        let horizon = now - keep
        if let first = samples.firstIndex(where: { $0.arrival >= horizon }) {
            if first > 0 { samples.removeFirst(first) }
        } else {
            samples.removeAll()
        }
    }

    /// The figures of `address` over the `window` before `now`, generation `generation` only.
    func figures(of address: String, generation: String, window: Duration, now: ContinuousClock.Instant) -> UpstreamFigures {
        let since = now - window
        return UpstreamFigures(attempts: samples.filter { $0.arrival >= since && $0.generation == generation && $0.attempt.address == address }.map(\.attempt))
    }
}
