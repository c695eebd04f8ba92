import ERSModel
import Foundation
import Testing

@testable import ERSRollout

/// The state directory: records survive a round trip, writes leave no temporary files, and the
/// executor lock excludes a second holder.
@Suite struct StateDirectoryTests {
    static func directory() throws -> StateDirectory {
        let state = StateDirectory(path: FileManager.default.temporaryDirectory.appendingPathComponent("ers-state-\(UUID().uuidString)").path)
        try state.prepare()
        return state
    }

    @Test func aRecordRoundTripsAndIsWrittenAtomically() throws {
        let state = try Self.directory()
        defer { try? FileManager.default.removeItem(at: state.url) }
        var record = RolloutRecord(
            id: "id", service: "collection", strategy: .canary, fromVersion: "1.0.0", toVersion: "2.0.0", stableSlot: .blue,
            steps: [.deploy, .setWeight(10), .pause(seconds: nil), .scaleDown(delaySeconds: 30)], now: Date(timeIntervalSince1970: 1_700_000_000))
        record.note("10% to 2.0.0", now: Date(timeIntervalSince1970: 1_700_000_001), generation: "abc", weight: 10)
        for _ in 0..<50 { try state.write(record) }
        #expect(try state.record(of: "collection") == record)
        let files = try FileManager.default.contentsOfDirectory(atPath: state.url.appendingPathComponent("rollouts").path)
        #expect(files == ["collection.json"], "temporary files left: \(files)")
        #expect(try state.record(of: "auth") == nil)
    }

    @Test func aDamagedStateFileIsReportedWithItsPath() throws {
        let state = try Self.directory()
        defer { try? FileManager.default.removeItem(at: state.url) }
        try Data("{half".utf8).write(to: state.recordFile("collection"))
        #expect {
            _ = try state.record(of: "collection")
        } throws: { error in
            "\(error)".contains("rollouts/collection.json: cannot read it")
        }
    }

    @Test func theExecutorLockHasOneHolder() throws {
        let state = try Self.directory()
        defer { try? FileManager.default.removeItem(at: state.url) }
        let first = try #require(try FileLock.tryLock(state.executorLock("collection")))
        #expect(try FileLock.tryLock(state.executorLock("collection")) == nil)
        #expect(try HostRollouts(state: state, report: { _ in }).isExecutorRunning("collection"))
        first.release()
        #expect(try !HostRollouts(state: state, report: { _ in }).isExecutorRunning("collection"))
    }
}
