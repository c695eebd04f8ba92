import Metrics

/// The queue's swift-metrics instruments (exported by the role's Prometheus registry):
/// `ers_jobs_claimed_total`, `ers_jobs_succeeded_total`, `ers_jobs_failed_total` (retried),
/// `ers_jobs_dead_total`, `ers_jobs_rescued_total`, `ers_jobs_pruned_total` and the gauge
/// `ers_jobs_queue_depth` (jobs queued or failed, ready or not, at the last claim).
struct QueueMetrics: Sendable {
    let claimed = Counter(label: "ers_jobs_claimed_total")
    let succeeded = Counter(label: "ers_jobs_succeeded_total")
    let failed = Counter(label: "ers_jobs_failed_total")
    let dead = Counter(label: "ers_jobs_dead_total")
    let rescued = Counter(label: "ers_jobs_rescued_total")
    let pruned = Counter(label: "ers_jobs_pruned_total")
    let depth = Gauge(label: "ers_jobs_queue_depth")
}
