import Foundation
import Logging
import Metrics

/// Runs the worker's ``ReportStoredHook`` (the latest-report cache refresh in Redis) in the
/// background, so a slow or unreachable Redis never holds a job slot or delays a claim.
///
/// Bounded: at most `capacity` refreshes wait, one per (host name, report type) — a newer
/// report of a waiting pair replaces it in place (newest wins, by `createdAt` then `reportID`).
/// When full, the oldest waiting refresh is dropped (counted in
/// `ers_latest_report_refresh_dropped_total`, logged at most every 10 s); its entry is then
/// stale until the next refresh of that pair or its TTL. At most `concurrency` hook calls run
/// at once. A call that throws is counted (`ers_latest_report_refresh_failed_total`, logged
/// at most every 10 s), put back unless a newer one waits, and dispatching pauses with a
/// doubling backoff (0.5 s … 30 s) so an outage costs neither a busy loop nor a PostgreSQL
/// read per report; the first success ends the pause.
///
/// Lifecycle (the worker's): ``start()`` when the worker runs, ``finish(within:)`` after its
/// jobs drained: no new work is taken, waiting refreshes run until the deadline; then what
/// still waits is dropped (counted, logged) and calls still running are cancelled and not
/// waited for (the Redis pool's command timeout ends them).
actor CacheRefresher {
    /// Counts for tests and logs.
    struct Statistics: Sendable, Hashable {
        var waiting = 0, running = 0, completed = 0, failed = 0, dropped = 0
    }

    enum Phase { case idle, running, draining, finished }

    struct Key: Hashable { var hostname: String, reportType: String }

    let hook: ReportStoredHook
    let capacity: Int
    let concurrency: Int
    let logger: Logger
    private var phase = Phase.idle
    private var waiting = RefreshBacklog()
    private var calls: [Int: Task<Void, Never>] = [:]
    private var nextCall = 0
    private var counts = Statistics()
    private var backoff: Duration = .zero
    private var pausedUntil: ContinuousClock.Instant?
    private var dropLog = RateLimitedLog(every: .seconds(10))
    private var failureLog = RateLimitedLog(every: .seconds(10))
    private let droppedCounter = Counter(label: "ers_latest_report_refresh_dropped_total")
    private let failedCounter = Counter(label: "ers_latest_report_refresh_failed_total")
    private let waitingGauge = Gauge(label: "ers_latest_report_refresh_waiting")

    /// - Parameters:
    ///   - capacity: refreshes waiting at most (at least 1).
    ///   - concurrency: hook calls at once (at least 1).
    init(hook: @escaping ReportStoredHook, capacity: Int, concurrency: Int, logger: Logger) {
        self.hook = hook
        self.capacity = max(1, capacity)
        self.concurrency = max(1, concurrency)
        self.logger = logger
    }

    var statistics: Statistics {
        var figures = counts
        figures.waiting = waiting.count
        figures.running = calls.count
        return figures
    }

    /// Starts dispatching (what waited before is dispatched now).
    func start() {
        guard phase == .idle else { return }
        phase = .running
        dispatch()
    }

    /// Queues a refresh for `event` and returns at once (no I/O).
    func submit(_ event: StoredReportEvent) {
        guard phase != .finished && phase != .draining else { return drop(1, "the worker is shutting down") }
        enqueue(event)
        dispatch()
    }

    /// Stops taking work and lets waiting refreshes run for at most `limit` (see the type's comment).
    func finish(within limit: Duration) async {
        if phase == .idle { phase = .running }
        phase = .draining
        pausedUntil = nil
        dispatch()
        let deadline = ContinuousClock.now + limit
        while (waiting.count > 0 || !calls.isEmpty) && ContinuousClock.now < deadline && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
        phase = .finished
        let left = waiting.removeAll()
        if left > 0 { drop(left, "the shutdown deadline passed before they ran") }
        if !calls.isEmpty {
            logger.notice("latest report cache refreshes still running at the shutdown deadline were cancelled", metadata: ["calls": "\(calls.count)"])
            for call in calls.values { call.cancel() }
            calls.removeAll()
        }
        waitingGauge.record(0)
    }

    private func enqueue(_ event: StoredReportEvent) {
        if waiting.count >= capacity, !waiting.contains(event.key) {
            waiting.removeOldest()
            drop(1, "the buffer of \(capacity) is full (oldest dropped)")
        }
        waiting.insert(event)
        waitingGauge.record(waiting.count)
    }

    private func dispatch() {
        guard phase == .running || phase == .draining else { return }
        if let until = pausedUntil, ContinuousClock.now < until { return }
        pausedUntil = nil
        while calls.count < concurrency, let event = waiting.popOldest() {
            let id = nextCall
            nextCall += 1
            let hook = self.hook
            calls[id] = Task {
                do {
                    try await hook(event.hostname, event.reportType, event.reportID, event.createdAt)
                    self.finished(id, event, error: nil)
                } catch {
                    self.finished(id, event, error: error)
                }
            }
        }
        waitingGauge.record(waiting.count)
    }

    private func finished(_ id: Int, _ event: StoredReportEvent, error: (any Error)?) {
        guard calls.removeValue(forKey: id) != nil else { return } // abandoned at the shutdown deadline
        if let error {
            counts.failed += 1
            failedCounter.increment()
            if phase == .draining {
                // Redis (or PostgreSQL) fails at shutdown: give up on the rest instead of trying each.
                let left = waiting.removeAll()
                if left > 0 { drop(left, "a refresh failed during the shutdown drain (\(error))") }
                return
            }
            if phase == .running && !waiting.contains(event.key) { enqueue(event) }
            backoff = min(max(backoff * 2, .milliseconds(500)), .seconds(30))
            let pause = backoff
            if let suppressed = failureLog.allow() {
                logger.warning("latest report cache not refreshed; retrying, the entry may be stale until then (at most its TTL)", metadata: [
                    "host": "\(event.hostname)", "report.type": "\(event.reportType)", "error": "\(error)",
                    "retry.seconds": "\(Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18)", "failures.not.logged": "\(suppressed)"])
            }
            if phase == .running {
                pausedUntil = ContinuousClock.now + pause
                Task { try? await Task.sleep(for: pause); self.dispatch() }
                return
            }
        } else {
            counts.completed += 1
            backoff = .zero
            pausedUntil = nil
        }
        dispatch()
    }

    private func drop(_ count: Int, _ reason: String) {
        counts.dropped += count
        droppedCounter.increment(by: count)
        if let suppressed = dropLog.allow() {
            logger.warning("latest report cache refreshes dropped; those entries stay stale until their next report or TTL", metadata: [
                "dropped": "\(count)", "reason": "\(reason)", "dropped.not.logged": "\(suppressed)", "dropped.total": "\(counts.dropped)"])
        }
    }
}

extension StoredReportEvent {
    var key: CacheRefresher.Key { .init(hostname: hostname, reportType: reportType) }
}
