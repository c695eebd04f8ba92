public import Hummingbird
import NIOConcurrencyHelpers
public import Prometheus

/// Counts requests by route, method and status (`http_requests_total`) and records their
/// latency (`http_request_duration_seconds`) in a Prometheus registry. The route is the
/// matched pattern (`/auth/verify`), never the raw path, so label sets stay bounded; requests
/// no route matched count under `unmatched`.
public struct HTTPMetricsMiddleware: RouterMiddleware {
    /// The request context of ers-server.
    public typealias Context = ServerRequestContext

    private let registry: PrometheusCollectorRegistry
    private let cache = NIOLockedValueBox<[Key: (Counter, DurationHistogram?)]>([:])

    private struct Key: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// Latency buckets, 1 ms to 10 s.
    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                      .seconds(2), .seconds(5), .seconds(10)]

    /// Records into `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// Times the request and counts it, thrown errors under their HTTP status (500 for others).
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request: request, context: context, status: response.status.code, elapsed: ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request: request, context: context, status: status, elapsed: ContinuousClock.now - start)
            throw error
        }
    }

    private func record(request: Request, context: Context, status: Int, elapsed: Duration) {
        let key = Key(route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: status)
        let (counter, histogram) = cache.withLockedValue { cache in
            if let found = cache[key] { return found }
            let labels = [("route", key.route), ("method", key.method), ("status", String(key.status))]
            let counter = registry.makeCounter(
                descriptor: MetricNameDescriptor(metricName: "http_requests", unitName: "total", helpText: "HTTP requests by route, method and status."),
                labels: labels)
            let histogram = registry.makeDurationHistogram(
                descriptor: MetricNameDescriptor(metricName: "http_request_duration", unitName: "seconds", helpText: "HTTP request latency by route, method and status."),
                labels: labels, buckets: Self.buckets)
            cache[key] = (counter, histogram)
            return (counter, histogram)
        }
        counter.increment()
        histogram?.record(elapsed)
    }
}
