import Synchronization
import Testing
import ERSCollectors

@Suite("Circuit breaker and bounded concurrency")
struct CircuitBreakerTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        let value = Mutex(ContinuousClock.now)
        var instant: ContinuousClock.Instant { value.withLock { $0 } }
        func advance(_ duration: Duration) { value.withLock { $0 += duration } }
    }

    @Test func opensAfterKTransientFailuresAndHalfOpensAfterCoolDown() async {
        let clock = ManualClock()
        let breaker = CircuitBreaker<String>(failureThreshold: 3, coolDown: .seconds(30), now: { clock.instant })
        for _ in 0..<2 { await breaker.record(.transient, for: "h") }
        #expect(await breaker.acquire("h") == .allowed)
        await breaker.record(.permanent, for: "h")  // does not count
        #expect(await breaker.acquire("h") == .allowed)
        await breaker.record(.transient, for: "h")
        guard case .refused = await breaker.acquire("h") else { Issue.record("still closed after 3 failures"); return }
        #expect(await breaker.acquire("other") == .allowed)
        clock.advance(.seconds(31))
        #expect(await breaker.acquire("h") == .allowed)  // the one half-open attempt
        guard case .refused = await breaker.acquire("h") else { Issue.record("two half-open attempts"); return }
        await breaker.record(.transient, for: "h")  // fails: open again
        guard case .open = await breaker.state(of: "h") else { Issue.record("not reopened"); return }
        clock.advance(.seconds(31))
        #expect(await breaker.acquire("h") == .allowed)
        await breaker.record(nil, for: "h")  // succeeds: closed
        #expect(await breaker.state(of: "h") == .closed(consecutiveFailures: 0))
    }

    actor Gauge {
        var current = 0, highest = 0
        func enter() { current += 1; highest = max(highest, current) }
        func leave() { current -= 1 }
    }

    @Test func boundedConcurrencyKeepsOrderAndLimit() async {
        let gauge = Gauge()
        let results = await BoundedConcurrency.map(Array(0..<40), limit: 4) { item in
            await gauge.enter()
            try? await Task.sleep(for: .milliseconds(5))
            await gauge.leave()
            return item * 2
        }
        #expect(results == (0..<40).map { $0 * 2 })
        #expect(await gauge.highest <= 4)
    }
}
