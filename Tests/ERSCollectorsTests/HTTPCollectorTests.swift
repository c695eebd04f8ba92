import Foundation
import Testing
@testable import ERSCollectors
import ERSFleet

@Suite("HTTP collector against a local agent")
struct HTTPCollectorTests {
    static func target(port: Int) throws -> CollectionTarget {
        let address = try HostAddress("127.0.0.1")
        return CollectionTarget(name: address, address: address, port: port, transport: .http)
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ers-http-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func httpsWithTrustedCACollectsAndParses() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = try await ReportServer.makeCertificates(in: directory)
        let tls = try ReportServer.serverTLS(certificate: files.certificate, key: files.key)
        try await ReportServer.withServer(tls: tls) { port in
            let trusting = try HTTPCollector(configuration: HTTPConfiguration(caFile: files.ca, overallTimeout: .seconds(20)))
            let untrusting = try HTTPCollector(configuration: HTTPConfiguration(overallTimeout: .seconds(20)))
            let collected = await trusting.collect(try Self.target(port: port), reportType: "system")
            let refused = await untrusting.collect(try Self.target(port: port), reportType: "system")
            try await trusting.shutdown()
            try await untrusting.shutdown()
            guard case .collected(let report) = collected else { Issue.record("\(collected)"); return }
            let data = try JSONDecoder().decode(JSONValue.self, from: Data(report.json.utf8))
            #expect(data["sections"]?["packages"]?["count"] == .int(719))
            guard case .failed(let failure) = refused else { Issue.record("an untrusted certificate was accepted"); return }
            #expect(failure.kind == .permanent)
            #expect(failure.message.contains("TLS"), "\(failure)")
        }
    }

    @Test func plainHTTPLimitsAndStatuses() async throws {
        try await ReportServer.withServer(tls: nil) { port in
            let collector = try HTTPCollector(configuration: HTTPConfiguration(scheme: "http", overallTimeout: .seconds(20), responseLimit: 64 * 1024))
            let big = try HTTPCollector(configuration: HTTPConfiguration(scheme: "http", path: "/big", overallTimeout: .seconds(20), responseLimit: 64 * 1024))
            let busy = try HTTPCollector(configuration: HTTPConfiguration(scheme: "http", path: "/busy", overallTimeout: .seconds(20)))
            let ok = await collector.collect(try Self.target(port: port), reportType: "system")
            let tooBig = await big.collect(try Self.target(port: port), reportType: "system")
            let unavailable = await busy.collect(try Self.target(port: port), reportType: "system")
            for client in [collector, big, busy] { try await client.shutdown() }
            guard case .collected = ok else { Issue.record("\(ok)"); return }
            guard case .failed(let large) = tooBig, case .failed(let status) = unavailable else { Issue.record("expected failures"); return }
            #expect(large.kind == .permanent && large.message.contains("limit"), "\(large)")
            #expect(status.kind == .transient && status.message.contains("503"), "\(status)")
        }
    }

    @Test func refusedConnectionIsTransient() async throws {
        let collector = try HTTPCollector(configuration: HTTPConfiguration(scheme: "http", connectTimeout: .seconds(5), overallTimeout: .seconds(10)))
        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        let outcome = await collector.collect(try Self.target(port: 9), reportType: "system")
        try await collector.shutdown()
        guard case .failed(let failure) = outcome else { Issue.record("collected from nothing"); return }
        #expect(failure.kind == .transient, "\(failure)")
    }

    @Test func urlBracketsIPv6AndEncodesTheType() throws {
        let collector = try HTTPCollector(configuration: HTTPConfiguration())
        let address = try HostAddress("2001:db8::1")
        let target = CollectionTarget(name: address, address: address, port: 8443, transport: .http)
        #expect(collector.url(target, reportType: "a b&c") == "https://[2001:db8::1]:8443/report?type=a%20b%26c")
        try collector.client.syncShutdown()
    }
}
