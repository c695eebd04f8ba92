import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A minimal HTTP/1.1 client for tests: one request per connection, `Connection: close`.
enum RawHTTP {
    struct Response: Sendable {
        var status: Int
        /// Header names lower-cased.
        var headers: [String: String]
        var body: String
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func send(_ method: String, _ url: String, headers: [(String, String)] = [], body: String? = nil) async throws -> Response {
        guard let components = URLComponents(string: url), let host = components.host, let port = components.port else {
            throw Failure(description: "bad URL \(url)")
        }
        let target = components.percentEncodedPath + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        var request = "\(method) \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if let body { request += "Content-Length: \(body.utf8.count)\r\n" }
        request += "\r\n" + (body ?? "")
        let collected = NIOLockedValueBox(ByteBuffer())
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(collected: collected)) }
            }
            .connect(host: host, port: port).get()
        try await channel.writeAndFlush(ByteBuffer(string: request))
        try await channel.closeFuture.get()
        let text = collected.withLockedValue { String(buffer: $0) }
        guard let end = text.range(of: "\r\n\r\n") else { throw Failure(description: "no complete response: \(text)") }
        let head = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let parts = head.first?.split(separator: " ") ?? []
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure(description: "bad status line in \(text)") }
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var bodyText = String(text[end.upperBound...])
        if fields["transfer-encoding"]?.lowercased() == "chunked" { bodyText = dechunk(bodyText) }
        return Response(status: status, headers: fields, body: bodyText)
    }

    private static func dechunk(_ text: String) -> String {
        var rest = Substring(text), output = ""
        while let line = rest.range(of: "\r\n") {
            guard let size = Int(rest[..<line.lowerBound], radix: 16), size > 0 else { break }
            let start = line.upperBound
            let bytes = Array(rest[start...].utf8)
            output += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size + 2), as: UTF8.self))
        }
        return output
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let collected: NIOLockedValueBox<ByteBuffer>
        init(collected: NIOLockedValueBox<ByteBuffer>) { self.collected = collected }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            collected.withLockedValue { $0.writeBuffer(&buffer) }
        }
    }
}
