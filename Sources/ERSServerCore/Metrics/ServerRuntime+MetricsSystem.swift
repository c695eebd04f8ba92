import Metrics
import NIOConcurrencyHelpers
import Prometheus

extension ServerRuntime {
    private static let metricsBootstrapped = NIOLockedValueBox(false)

    /// Routes swift-metrics (`Counter`, `Gauge`, `Timer` made by libraries such as ERSJobs) to
    /// this runtime's Prometheus registry, so they appear on `/metrics`. Once per process: the
    /// first call wins (swift-metrics' `MetricsSystem.bootstrap` may only run once).
    public func bootstrapMetricsSystem() {
        let first = Self.metricsBootstrapped.withLockedValue { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
    }
}
