/// Wakes a waiting worker loop: ``signal()`` from LISTEN notifications, finished jobs or
/// shutdown; ``wait(timeout:)`` returns at the first signal or after the timeout (the polling
/// fallback). A signal while nobody waits is kept (one), so none is lost between a claim that
/// found nothing and the wait that follows.
public actor WakeSignal {
    private var pending = false
    private var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
    private var nextID = 0

    /// A signal nobody has raised yet.
    public init() {}

    /// Wakes every waiter, or the next one to wait.
    public func signal() {
        if waiters.isEmpty {
            pending = true
            return
        }
        let all = waiters
        waiters.removeAll()
        for (_, waiter) in all { waiter.resume(returning: true) }
    }

    /// Waits for a signal for at most `timeout`.
    /// - Returns: true when signalled, false after the timeout or on cancellation.
    public func wait(timeout: Duration) async -> Bool {
        if pending {
            pending = false
            return true
        }
        let id = nextID
        nextID += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(returning: false)
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.expire(id) }
        }
    }

    private func expire(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume(returning: false)
    }
}
