import Foundation
import Testing

@testable import ERSRollout

/// Reading the gateway's JSON access log: per-attempt upstream fields, retries, partial lines.
@Suite struct AccessLogTests {
    static func line(addr: String, status: String, time: String, generation: String = "g1", upstream: String = "collection_http") -> String {
        #"{"time":"2026-01-01T00:00:00+00:00","request_id":"x","remote_addr":"127.0.0.1","method":"GET","uri":"/api","status":200,"request_time":0.004,"upstream":"\#(upstream)","upstream_addr":"\#(addr)","upstream_status":"\#(status)","upstream_response_time":"\#(time)","bytes_sent":20,"config_generation":"\#(generation)"}"#
    }

    @Test func aRetriedRequestCountsEveryAttemptForItsServer() throws {
        let entry = try JSONDecoder().decode(
            AccessLogEntry.self, from: Data(Self.line(addr: "127.0.0.1:8082, 127.0.0.1:8081", status: "502, 200", time: "0.001, 0.003").utf8))
        #expect(entry.attempts == [
            AccessLogEntry.Attempt(address: "127.0.0.1:8082", status: 502, seconds: 0.001, isFinal: false),
            AccessLogEntry.Attempt(address: "127.0.0.1:8081", status: 200, seconds: 0.003, isFinal: true),
        ])
        let canary = UpstreamFigures(attempts: entry.attempts.filter { $0.address == "127.0.0.1:8082" })
        #expect(canary.requests == 1 && canary.serverErrors == 1 && canary.served == 0)
    }

    @Test func groupsAndMissingValuesAreRead() {
        #expect(AccessLogEntry.split("a:1, b:2 : c:3") == ["a:1", "b:2", "c:3"])
        #expect(AccessLogEntry.split("") == [])
        let entry = AccessLogEntry(upstream: "u", upstreamAddress: "a:1", upstreamStatus: "-", upstreamResponseTime: "-", status: 499, configGeneration: "")
        #expect(entry.attempts == [AccessLogEntry.Attempt(address: "a:1", status: nil, seconds: nil, isFinal: true)])
    }

    @Test func theTailReturnsCompleteLinesOnlyAndFollowsTruncation() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("old line before the tail\n".utf8).write(to: file)
        let tail = AccessLogTail(path: file.path)
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        let first = Self.line(addr: "a:1", status: "200", time: "0.001")
        try handle.write(contentsOf: Data((first + "\n" + first.prefix(40)).utf8))
        #expect(tail.read().count == 1)
        try handle.write(contentsOf: Data((first.dropFirst(40) + "\nnot json\n").utf8))
        #expect(tail.read().count == 1)
        #expect(tail.unreadable == 1)
        try handle.close()
        try Data((first + "\n").utf8).write(to: file)
        #expect(tail.read().count == 1, "a truncated (rotated) log is read from its start")
    }

    @Test func theWindowCountsOnlyTheCurrentGenerationAndItsOwnUpstreams() throws {
        var window = TrafficWindow(upstreams: ["collection_http", "collection_http_test"])
        let decoder = JSONDecoder()
        let lines = [
            Self.line(addr: "a:1", status: "200", time: "0.001", generation: "old"),
            Self.line(addr: "a:1", status: "500", time: "0.001", generation: "new"),
            Self.line(addr: "a:1", status: "200", time: "0.001", generation: "new", upstream: "collection_http_test"),
            Self.line(addr: "a:1", status: "200", time: "0.001", generation: "new", upstream: "auth_http"),
        ]
        let entries = try lines.map { try decoder.decode(AccessLogEntry.self, from: Data($0.utf8)) }
        let now = ContinuousClock.now
        window.add(entries, now: now, keep: .seconds(10))
        let figures = window.figures(of: "a:1", generation: "new", window: .seconds(5), now: now)
        #expect(figures.requests == 2 && figures.serverErrors == 1)
        #expect(window.figures(of: "a:1", generation: "new", window: .seconds(5), now: now + .seconds(6)).requests == 0)
    }
}
