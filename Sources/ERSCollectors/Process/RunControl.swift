#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// What one ``ProcessRunner`` run shares between its caller, its supervisor and its launch
/// task: the child's process ID once spawned, the launch's outcome once known, and whether a
/// stop (the caller's cancellation) was requested. Waits are bounded by a deadline, so the
/// supervisor never depends on swift-subprocess reporting an exit.
final class RunControl: Sendable {
    typealias Outcome = Swift.Result<ProcessRunner.Result, ProcessRunner.Failure>

    private struct State {
        var pid: pid_t?
        var outcome: Outcome?
        var finished = false
        var stopRequested = false
        var tearingDown = false
        var waiters: [UInt64: (orStop: Bool, continuation: CheckedContinuation<Void, Never>)] = [:]
        var nextWaiter: UInt64 = 0

        /// Removes and returns the waiters to wake: all of them, or those that stop on a stop.
        mutating func takeWaiters(onlyStopping: Bool) -> [CheckedContinuation<Void, Never>] {
            let woken = waiters.filter { !onlyStopping || $0.value.orStop }
            woken.keys.forEach { waiters.removeValue(forKey: $0) }
            return woken.values.map(\.continuation)
        }
    }

    private let state = Mutex(State())

    /// The child's process ID (its process group ID too: it runs in its own session), nil
    /// until swift-subprocess has spawned it.
    var pid: pid_t? { state.withLock { $0.pid } }

    /// The launch's outcome, nil until it finished (or when it was cancelled).
    var outcome: Outcome? { state.withLock { $0.outcome } }

    /// Whether the launch task has finished (swift-subprocess returned or threw).
    var finished: Bool { state.withLock { $0.finished } }

    /// Records the spawned child. When the teardown has begun the group gets SIGTERM at once
    /// (the supervisor's SIGTERM went nowhere before the pid was known).
    func spawned(pid: pid_t) {
        let tearingDown = state.withLock { state in
            state.pid = pid
            return state.tearingDown
        }
        if tearingDown { _ = kill(-pid, SIGTERM) }
    }

    /// Begins the teardown: SIGTERM to the child's process group now, or as soon as it is spawned.
    func beginTeardown() {
        let pid = state.withLock { state in
            state.tearingDown = true
            return state.pid
        }
        if let pid { _ = kill(-pid, SIGTERM) }
    }

    /// Records the launch's end; `outcome` nil means it was cancelled. Wakes every waiter.
    func finish(_ outcome: Outcome?) {
        let waiters = state.withLock { state in
            state.outcome = outcome
            state.finished = true
            return state.takeWaiters(onlyStopping: false)
        }
        waiters.forEach { $0.resume() }
    }

    /// Asks the supervisor to stop the run now (the caller was cancelled). Wakes the waiters
    /// that wait for a stop.
    func requestStop() {
        let waiters = state.withLock { state in
            state.stopRequested = true
            return state.takeWaiters(onlyStopping: true)
        }
        waiters.forEach { $0.resume() }
    }

    /// Sends `signal` to the child's process group (kill(2) with `-pid`, see kill(2) and
    /// setsid(2)); does nothing before the spawn. Linux hands out PIDs cyclically, so within a
    /// run's few seconds the number cannot name another group once this one is gone.
    func signalGroup(_ signal: Int32) {
        if let pid { _ = kill(-pid, signal) }
    }

    /// Whether any process of the child's group still exists (a zombie counts: kill(2) with
    /// signal 0). False before the spawn.
    var groupExists: Bool {
        guard let pid else { return false }
        return kill(-pid, 0) == 0
    }

    /// Waits until the launch has finished, a stop is requested (only when `orStop`), or
    /// `deadline` passes, whichever comes first. Returns early if the calling task is cancelled.
    /// - Returns: whether the launch has finished.
    @discardableResult
    func wait(until deadline: ContinuousClock.Instant, orStop: Bool) async -> Bool {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.event(orStop: orStop) }
            group.addTask { try? await Task.sleep(until: deadline, clock: .continuous) }
            await group.next()
            group.cancelAll()
        }
        return finished
    }

    /// Suspends until `finish`, `requestStop` (when `orStop`) or cancellation of this task.
    private func event(orStop: Bool) async {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state in
                    // Task.isCancelled is set before the cancellation handler runs: if that
                    // handler found no waiter to resume, the check here sees the flag.
                    if state.finished || (orStop && state.stopRequested) || Task.isCancelled { return true }
                    state.waiters[id] = (orStop, continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
        }
    }
}
