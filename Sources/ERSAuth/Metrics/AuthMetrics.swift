public import Prometheus

/// Counters of the auth endpoints' outcomes, served on `/metrics`:
/// `auth_login_attempts_total{outcome}` (`success`, `invalid_credentials`, `throttled`,
/// `unavailable`) and `auth_verify_requests_total{outcome}` (`allowed`, `denied`, `unavailable`).
public struct AuthMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    /// Counters in `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func login(_ outcome: String) {
        registry.makeCounter(descriptor: MetricNameDescriptor(metricName: "auth_login_attempts", unitName: "total",
                                                              helpText: "Login attempts by outcome."),
                             labels: [("outcome", outcome)]).increment()
    }

    func verify(_ outcome: String) {
        registry.makeCounter(descriptor: MetricNameDescriptor(metricName: "auth_verify_requests", unitName: "total",
                                                              helpText: "Verify (auth_request) answers by outcome."),
                             labels: [("outcome", outcome)]).increment()
    }
}
