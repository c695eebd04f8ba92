import Foundation
import Testing
@testable import ERSCollectors

/// Golden tests: each Fixtures/<name>.txt (captured on Debian 12; BusyBox/Alpine and the
/// degraded one written by hand from BusyBox's formats) parses to exactly Fixtures/<name>.json
/// (the parsed sections; `raw` is checked separately). ERS_UPDATE_GOLDEN=1 rewrites the goldens.
@Suite("Report parser")
struct ReportParserTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func parse(_ name: String) throws -> (raw: String, report: JSONValue) {
        let raw = try String(contentsOf: fixtures.appendingPathComponent("\(name).txt"), encoding: .utf8)
        return (raw, try ReportParser.parse(raw))
    }

    @Test(arguments: ["debian-12", "busybox-alpine", "degraded"])
    func matchesGolden(_ name: String) throws {
        let (raw, report) = try Self.parse(name)
        #expect(report["raw"] == .string(raw))
        guard case .object(var members) = report else { Issue.record("not an object"); return }
        members["raw"] = nil
        let text = JSONValue.object(members).jsonText
        let golden = Self.fixtures.appendingPathComponent("\(name).json")
        if ProcessInfo.processInfo.environment["ERS_UPDATE_GOLDEN"] == "1" {
            try (text + "\n").write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text + "\n" == expected)
    }

    @Test func debianFieldsAreTyped() throws {
        let sections = try #require(try Self.parse("debian-12").report["sections"])
        #expect(sections["identity"]?["hostname"] == .string("db-1"))
        #expect(sections["os"]?["id"] == .string("debian"))
        #expect(sections["os"]?["prettyName"] == .string("Debian GNU/Linux 12 (bookworm)"))
        #expect(sections["kernel"]?["release"] == .string("6.1.0-28-amd64"))
        #expect(sections["cpu"]?["count"] == .int(2))
        #expect(sections["memory"]?["totalBytes"] == .int(24684092 * 1024))
        #expect(sections["uptime"]?["uptimeSeconds"] == .double(14642.02))
        #expect(sections["uptime"]?["load15"] == .double(5.68))
        #expect(sections["packages"]?["count"] == .int(719))
        guard case .array(let ports)? = sections["ports"]?["ports"] else { Issue.record("no ports"); return }
        #expect(ports.contains(.object(["protocol": .string("tcp"), "address": .string("::"), "port": .int(22)])))
        #expect(ports.contains(.object(["protocol": .string("tcp"), "address": .string("127.0.0.53"), "port": .int(53)])))
    }

    @Test func busyBoxFallbacksAreParsed() throws {
        let sections = try #require(try Self.parse("busybox-alpine").report["sections"])
        #expect(sections["uptime"]?["load1"] == .double(0.08))
        #expect(sections["uptime"]?["uptimeSeconds"] == .null)
        #expect(sections["packages"]?["manager"] == .string("apk"))
        // df exited 1 (one unreadable mount) but its rows are still parsed.
        #expect(sections["filesystems"]?["status"] == .string("failed"))
        guard case .array(let filesystems)? = sections["filesystems"]?["filesystems"] else { Issue.record("no filesystems"); return }
        #expect(filesystems.count == 4)
        #expect(filesystems.last?["mountpoint"] == .string("/media/boot disk"))
        #expect(filesystems.first?["sizeBytes"] == .int(7342128 * 1024))
        guard case .array(let interfaces)? = sections["network"]?["interfaces"] else { Issue.record("no interfaces"); return }
        #expect(interfaces.contains(.object(["name": .string("eth0"), "family": .string("inet"), "address": .string("198.51.100.7"), "prefixLength": .int(24)])))
        #expect(interfaces.contains(.object(["name": .string("wlan0"), "family": .string("inet"), "address": .string("203.0.113.9"), "prefixLength": .int(23)])))
        #expect(interfaces.contains(.object(["name": .string("lo"), "family": .string("inet6"), "address": .string("::1"), "prefixLength": .int(128)])))
        #expect(interfaces.count == 6)
        guard case .array(let ports)? = sections["ports"]?["ports"] else { Issue.record("no ports"); return }
        #expect(ports.count == 3)
    }

    @Test func degradedSectionsGetTheirStatus() throws {
        let report = try Self.parse("degraded").report
        let sections = try #require(report["sections"])
        #expect(report["complete"] == .bool(false))
        #expect(sections["os"]?["status"] == .string("missing"))
        #expect(sections["network"]?["status"] == .string("missing"))
        #expect(sections["filesystems"]?["status"] == .string("timeout"))
        #expect(sections["ports"]?["status"] == .string("failed"))
        #expect(sections["packages"]?["status"] == .string("failed"))
        // A marker with another token is section text, not a marker.
        #expect(sections["memory"]?["status"] == .string("ok"))
        #expect(sections["memory"]?["totalBytes"] == .int(250000 * 1024))
    }

    /// Regression: `case 124, 137, 143 where underTimeout` applied the condition to 143 only,
    /// so a section exiting 124 or 137 without timeout(1) was reported as a timeout.
    @Test(arguments: [(124, false, "failed"), (137, false, "failed"), (143, false, "failed"),
                      (124, true, "timeout"), (137, true, "timeout"), (143, true, "timeout"), (1, true, "failed")])
    func timeoutStatusNeedsTimeout(_ exitCode: Int, _ underTimeout: Bool, _ status: String) {
        #expect(RawSection(lines: [], exitCode: exitCode, underTimeout: underTimeout).status == status)
    }

    @Test func outputWithoutHeaderIsRejected() {
        #expect(throws: ReportFormatError.self) { try ReportParser.parse("bash: sh: command not found\n") }
    }

    @Test func theScriptRunsLocallyAndParses() async throws {
        let outcome = await LocalCollector().collect(
            CollectionTarget(name: try .init("localhost"), address: try .init("localhost"), port: 0, transport: .local), reportType: "system")
        guard case .collected(let collected) = outcome else { Issue.record("\(outcome)"); return }
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(collected.json.utf8))
        #expect(report["complete"] == .bool(true))
        for (name, _) in ReportScript.sections {
            #expect(report["sections"]?[name]?["status"] == .string("ok"), "\(name)")
        }
    }

    @Test func localTimeoutKillsTheProcessGroup() async throws {
        let marker = "sleep \(Int.random(in: 100_000...999_999))"
        // A child that would outlive its shell if only the shell were killed.
        let runner = ProcessRunner()
        await #expect(throws: ProcessRunner.Failure.self) {
            _ = try await runner.run(executable: "/bin/sh", arguments: ["-c", "\(marker) & \(marker)"], input: "", timeout: .seconds(1))
        }
        let left = await Processes.waitUntilGone(marker)
        #expect(left.isEmpty, "left: \(left)")
    }
}
