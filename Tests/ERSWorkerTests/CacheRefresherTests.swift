@testable import ERSWorker
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// A hook call the test holds until it opens the gate (or the call is cancelled).
final class HookGate: Sendable {
    private let state = NIOLockedValueBox((open: false, calls: [String](), finished: [String]()))

    func open() { state.withLockedValue { $0.open = true } }
    var calls: [String] { state.withLockedValue { $0.calls } }
    var finished: [String] { state.withLockedValue { $0.finished } }

    /// The hook: records the call, waits for the gate, records the end.
    var hook: ReportStoredHook {
        { hostname, reportType, reportID, _ in
            let name = "\(hostname)/\(reportType)#\(reportID)"
            self.state.withLockedValue { $0.calls.append(name) }
            while !self.state.withLockedValue({ $0.open }) && !Task.isCancelled { try? await Task.sleep(for: .milliseconds(10)) }
            self.state.withLockedValue { $0.finished.append(name) }
        }
    }
}

/// Polls `condition` every 10 ms for at most `seconds` (events, not timing: the deadline is generous).
func eventually(_ seconds: Double = 60, _ condition: @Sendable () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}

@Suite("Cache refresher (the worker's background onStored runner)")
struct CacheRefresherTests {
    static func event(_ host: String, _ id: Int64, type: String = "system", at seconds: Double = 0) -> StoredReportEvent {
        StoredReportEvent(hostname: host, reportType: type, reportID: id, createdAt: Date(timeIntervalSince1970: 1_767_225_600 + seconds))
    }

    static let logger: Logger = {
        var logger = Logger(label: "cache-refresher-tests")
        logger.logLevel = .critical
        return logger
    }()

    @Test("one waiting refresh per host and report type, the newest kept; when full the oldest is dropped and counted")
    func newestWinsAndDropOldest() async throws {
        let gate = HookGate()
        let refresher = CacheRefresher(hook: gate.hook, capacity: 3, concurrency: 1, logger: Self.logger)
        // Not started yet: everything waits.
        await refresher.submit(Self.event("a", 1, at: 1))
        await refresher.submit(Self.event("b", 2, at: 2))
        await refresher.submit(Self.event("a", 3, at: 3))   // replaces a#1, keeps a's turn
        await refresher.submit(Self.event("a", 0, at: 0))   // older than a#3: ignored
        await refresher.submit(Self.event("a", 4, type: "disk", at: 4))
        #expect(await refresher.statistics.waiting == 3)
        #expect(await refresher.statistics.dropped == 0)
        await refresher.submit(Self.event("c", 5, at: 5))   // full: a/system (oldest) is dropped
        #expect(await refresher.statistics.waiting == 3)
        #expect(await refresher.statistics.dropped == 1)
        gate.open()
        await refresher.start()
        #expect(await eventually { await refresher.statistics.completed == 3 })
        #expect(gate.finished == ["b/system#2", "a/disk#4", "c/system#5"])
        await refresher.finish(within: .seconds(5))
    }

    @Test("submit never waits for the hook: a hook that hangs holds only its own refresh")
    func submitDoesNotWait() async throws {
        let gate = HookGate()
        let refresher = CacheRefresher(hook: gate.hook, capacity: 100, concurrency: 2, logger: Self.logger)
        await refresher.start()
        for id in 1...50 { await refresher.submit(Self.event("host-\(id)", Int64(id))) }
        #expect(await eventually { gate.calls.count == 2 })
        let figures = await refresher.statistics
        #expect(figures.running == 2 && figures.waiting == 48 && figures.completed == 0)
        gate.open()
        #expect(await eventually { await refresher.statistics.completed == 50 })
        await refresher.finish(within: .seconds(5))
    }

    @Test("a failing hook is retried after a backoff until it succeeds; the refresh is not lost")
    func failureIsRetried() async throws {
        struct Down: Error {}
        let attempts = NIOLockedValueBox(0)
        let refresher = CacheRefresher(hook: { _, _, _, _ in
            let attempt = attempts.withLockedValue { $0 += 1; return $0 }
            if attempt <= 2 { throw Down() }
        }, capacity: 10, concurrency: 1, logger: Self.logger)
        await refresher.start()
        await refresher.submit(Self.event("a", 1))
        #expect(await eventually { await refresher.statistics.completed == 1 })
        let figures = await refresher.statistics
        #expect(figures.failed == 2 && figures.dropped == 0 && figures.waiting == 0)
        await refresher.finish(within: .seconds(5))
    }

    @Test("shutdown: waiting refreshes run within the deadline; past it the rest is dropped and hung calls are abandoned, not awaited")
    func finishWithinDeadline() async throws {
        let quick = CacheRefresher(hook: { _, _, _, _ in }, capacity: 100, concurrency: 2, logger: Self.logger)
        await quick.start()
        for id in 1...20 { await quick.submit(Self.event("h\(id)", Int64(id))) }
        await quick.finish(within: .seconds(30))
        #expect(await quick.statistics.completed == 20)
        await quick.submit(Self.event("late", 99))
        #expect(await quick.statistics.dropped == 1, "a refresh after shutdown is dropped, counted")

        let gate = HookGate()  // never opened: a Redis that never answers
        let stuck = CacheRefresher(hook: gate.hook, capacity: 100, concurrency: 1, logger: Self.logger)
        await stuck.start()
        for id in 1...5 { await stuck.submit(Self.event("s\(id)", Int64(id))) }
        #expect(await eventually { gate.calls.count == 1 })
        await stuck.finish(within: .milliseconds(200))   // returns although the call hangs
        let figures = await stuck.statistics
        #expect(figures.dropped == 4 && figures.running == 0 && figures.waiting == 0)
        #expect(await eventually { gate.finished.count == 1 }, "the abandoned call was cancelled")
    }
}
