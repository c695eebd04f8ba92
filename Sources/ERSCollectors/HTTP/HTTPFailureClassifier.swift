import AsyncHTTPClient
import NIOCore
import NIOSSL

/// Sorts async-http-client and NIO errors into transient and permanent failures.
enum HTTPFailureClassifier {
    static func classify(_ error: any Error, url: String, limit: Int) -> CollectionFailure {
        let text = String(describing: error)
        if error is NIOSSLError || text.contains("handshakeFailed") || text.contains("certificate") || text.contains("CERTIFICATE") {
            return CollectionFailure(.permanent, "GET \(url): TLS failed (certificate not trusted or host name mismatch; give the agent's CA with caFile): \(text.prefix(300))")
        }
        if text.contains("tooManyBytes") || error is NIOTooManyBytesError {
            return CollectionFailure(.permanent, "GET \(url): the report is larger than the \(limit)-byte limit")
        }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .connectTimeout, .readTimeout, .deadlineExceeded:
                return CollectionFailure(.transient, "GET \(url): timed out (\(clientError))")
            case .remoteConnectionClosed, .cancelled:
                return CollectionFailure(.transient, "GET \(url): connection closed (\(clientError))")
            default:
                break
            }
        }
        if text.contains("refused") || text.contains("connect") || text.contains("reset") || text.contains("unreachable") {
            return CollectionFailure(.transient, "GET \(url): connection failed: \(text.prefix(300))")
        }
        return CollectionFailure(.transient, "GET \(url): \(text.prefix(300))")
    }
}
