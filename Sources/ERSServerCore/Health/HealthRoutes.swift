import NIOCore
public import Hummingbird
import Foundation

extension Router where Context == ServerRequestContext {
    /// `GET /health` (liveness: the process serves HTTP; checks nothing else, so a dependency
    /// outage never restarts the pod) and `GET /ready` (readiness: every check within
    /// `timeout`; 200 with the report, or 503 with each check's result when one fails).
    public func addHealthRoutes(checks: [ReadinessCheck], timeout: Duration) {
        get("/health") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        get("/ready") { _, _ -> Response in
            let report = await ReadinessReport.run(checks, timeout: timeout)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = (try? encoder.encode(report)) ?? Data(#"{"status":"not_ready"}"#.utf8)
            return Response(status: report.isReady ? .ok : .serviceUnavailable,
                            headers: [.contentType: "application/json", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
}
