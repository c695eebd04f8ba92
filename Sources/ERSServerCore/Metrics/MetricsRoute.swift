import NIOCore
public import Hummingbird
public import Prometheus

extension Router where Context == ServerRequestContext {
    /// `GET /metrics`: the registry in the Prometheus text exposition format 0.0.4. `refresh`
    /// runs first, to set gauges that are sampled (pool figures).
    public func addMetricsRoute(registry: PrometheusCollectorRegistry, refresh: @escaping @Sendable () async -> Void = {}) {
        get("/metrics") { _, _ -> Response in
            await refresh()
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
