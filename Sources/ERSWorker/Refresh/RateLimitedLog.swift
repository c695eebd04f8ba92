/// Lets a repeated log line through at most once per interval and counts the ones held back,
/// so an outage logs a line every few seconds rather than one per report.
struct RateLimitedLog {
    let interval: Duration
    private var last: ContinuousClock.Instant?
    private var suppressed = 0

    init(every interval: Duration) {
        self.interval = interval
    }

    /// nil: do not log now (counted); otherwise log it, mentioning the returned number of lines
    /// held back since the last one.
    mutating func allow(now: ContinuousClock.Instant = .now) -> Int? {
        if let last, now - last < interval {
            suppressed += 1
            return nil
        }
        let held = suppressed
        last = now
        suppressed = 0
        return held
    }
}
