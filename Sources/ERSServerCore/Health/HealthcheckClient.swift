import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The probe behind `ers-server healthcheck URL`, which compose healthchecks run inside the
/// image (it has no curl): one `GET` over plain HTTP/1.1, healthy on a 2xx status.
public enum HealthcheckClient {
    /// Why a probe did not pass.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong, with the URL.
        public var description: String
    }

    /// Fetches `url` and returns the status code and body.
    /// - Throws: ``Failure`` when the URL is not `http://host[:port]/path`, the connection
    ///   fails, or no complete answer arrives within `timeout`.
    public static func get(_ url: String, timeout: Duration = .seconds(3)) async throws -> (status: Int, body: String) {
        guard let components = URLComponents(string: url), components.scheme == "http", let host = components.host, !host.isEmpty else {
            throw Failure(description: "'\(url)' is not an http:// URL; write http://127.0.0.1:8080/ready")
        }
        let port = components.port ?? 80
        let path = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        let collected = NIOLockedValueBox(ByteBuffer())
        do {
            return try await withTimeout(timeout, "GET \(url)") {
                let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connectTimeout(.seconds(2))
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(collected: collected)) }
                    }
                let channel = try await bootstrap.connect(host: host, port: port).get()
                let request = "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUser-Agent: ers-server-healthcheck\r\nConnection: close\r\n\r\n"
                try await channel.writeAndFlush(ByteBuffer(string: request))
                try await channel.closeFuture.get()
                let text = collected.withLockedValue { String(buffer: $0) }
                let statusLine = text.prefix { $0 != "\r" && $0 != "\n" }
                let parts = statusLine.split(separator: " ")
                guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
                    throw Failure(description: "\(url) did not answer with HTTP (got '\(statusLine.prefix(60))')")
                }
                let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
                return (status, body)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "GET \(url) failed: \(error)")
        }
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let collected: NIOLockedValueBox<ByteBuffer>

        init(collected: NIOLockedValueBox<ByteBuffer>) {
            self.collected = collected
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            collected.withLockedValue { $0.writeBuffer(&buffer) }
        }
    }
}
