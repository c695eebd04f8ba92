import Testing

@testable import ERSRollout

/// The health check's HTTP/1.1 parsing and URLs.
@Suite struct HTTPProbeTests {
    @Test func aResponseIsCompleteByContentLength() throws {
        let head = "HTTP/1.1 200 OK\r\nX-Config-Generation: abc\r\nContent-Length: 3\r\n\r\n"
        #expect(HTTPProbe.parse(Array((head + "ok").utf8), complete: false) == nil)
        let response = try #require(HTTPProbe.parse(Array((head + "ok\n").utf8), complete: false))
        #expect(response.status == 200 && response.body == "ok\n" && response.headers["x-config-generation"] == "abc")
        let closed = try #require(HTTPProbe.parse(Array("HTTP/1.0 503 Busy\r\n\r\nlater".utf8), complete: true))
        #expect(closed.status == 503 && closed.body == "later")
        #expect(HTTPProbe.parse(Array("SSH-2.0-OpenSSH\r\n\r\n".utf8), complete: true) == nil)
    }

    @Test func onlyPlainHTTPURLsAreProbed() {
        #expect(HTTPTarget("http://127.0.0.1:8080/healthz") == HTTPTarget(host: "127.0.0.1", port: 8080, path: "/healthz"))
        #expect(HTTPTarget("http://gateway") == HTTPTarget(host: "gateway", port: 80, path: "/"))
        #expect(HTTPTarget("https://gateway/healthz") == nil)
        #expect(HTTPTarget("http://gateway:99999/") == nil)
        #expect(HTTPTarget("http://:80/") == nil)
    }

    @Test func anUnreachableServerIsAnErrorNamingTheURL() {
        #expect {
            _ = try HTTPProbe(timeoutSeconds: 1).get("http://127.0.0.1:1/health")
        } throws: { error in
            "\(error)".hasPrefix("GET http://127.0.0.1:1/health failed: cannot connect to 127.0.0.1:1")
        }
    }
}
