import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 GET over a TCP socket (`Connection: close`), for health checks and the
/// gateway's `/healthz`: no HTTP library in the generator, a hard timeout on every phase, and a
/// fresh connection each time (so after an nginx reload it reaches a worker of the new config).
struct HTTPProbe: Sendable {
    /// A response.
    struct Response: Sendable {
        /// The status code.
        var status: Int
        /// Header fields, names lower-cased (the last of repeated fields).
        var headers: [String: String]
        /// The body (at most 64 KiB are read).
        var body: String
    }

    /// Seconds for connecting, sending and each read.
    var timeoutSeconds: Double = 2

    /// GETs `url` (`http://host:port/path`).
    /// - Throws: ``RolloutError/http(url:reason:)`` when the URL is not plain http, the host does
    ///   not resolve, the connection fails or times out, or the response is not HTTP.
    func get(_ url: String) throws(RolloutError) -> Response {
        guard let target = HTTPTarget(url) else {
            throw .http(url: url, reason: "not an http://host:port/path URL")
        }
        let fd = try openConnection(target, url: url)
        defer { close(fd) }
        let request = "GET \(target.path) HTTP/1.1\r\nHost: \(target.host):\(target.port)\r\nConnection: close\r\nUser-Agent: ersctl-rollout\r\nAccept: */*\r\n\r\n"
        let sent = request.utf8CString.withUnsafeBufferPointer { buffer in
            send(fd, buffer.baseAddress, buffer.count - 1, Int32(MSG_NOSIGNAL))
        }
        guard sent == request.utf8.count else { throw .http(url: url, reason: "sending the request failed (\(errnoText()))") }
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 16384)
        while data.count < 65536 + 16384 {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .http(url: url, reason: "reading the response failed (\(errnoText()))")
            }
            data += chunk[0..<count]
            if let response = Self.parse(data, complete: false) { return response }
        }
        guard let response = Self.parse(data, complete: true) else {
            throw .http(url: url, reason: "the answer is not an HTTP response (\(data.count) bytes)")
        }
        return response
    }

    /// Parses a response; with `complete` false only when the body is known to be complete
    /// (by `Content-Length`), else nil.
    static func parse(_ data: [UInt8], complete: Bool) -> Response? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = data.firstRange(of: separator) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = data[end.upperBound...]
        if let length = headers["content-length"].flatMap(Int.init) {
            guard body.count >= length else { return nil }
            return Response(status: status, headers: headers, body: String(decoding: body.prefix(length), as: UTF8.self))
        }
        return complete ? Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self)) : nil
    }

    private func openConnection(_ target: HTTPTarget, url: String) throws(RolloutError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(target.host, "\(target.port)", &hints, &result)
        guard status == 0, let info = result else {
            throw .http(url: url, reason: "cannot resolve \(target.host) (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(info) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { throw .http(url: url, reason: "no socket (\(errnoText()))") }
        let whole = timeoutSeconds.rounded(.down)
        var timeout = timeval(tv_sec: Int(whole), tv_usec: Int((timeoutSeconds - whole) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            let reason = errnoText()
            close(fd)
            throw .http(url: url, reason: "cannot connect to \(target.host):\(target.port) (\(reason))")
        }
        return fd
    }

    private func errnoText() -> String { String(cString: strerror(errno)) }
}
