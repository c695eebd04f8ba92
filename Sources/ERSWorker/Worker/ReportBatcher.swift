import ERSJobs

/// Gathers the completions of jobs finishing together and stores them in one transaction
/// (``JobQueue/complete(_:)``): up to `maxBatch` per transaction, waiting at most `maxDelay`
/// for more. Each caller gets its own job's result.
actor ReportBatcher {
    typealias Waiter = CheckedContinuation<StoredReport?, any Error>

    let queue: JobQueue
    let maxBatch: Int
    let maxDelay: Duration
    private var pending: [(ReportCompletion, Waiter)] = []
    private var generation = 0

    init(queue: JobQueue, maxBatch: Int, maxDelay: Duration) {
        self.queue = queue
        self.maxBatch = max(1, maxBatch)
        self.maxDelay = maxDelay
    }

    /// Stores `completion` with whatever else is pending.
    /// - Returns: the stored report, or nil when the job's lease was no longer valid.
    /// - Throws: ``DatabaseError`` when the batch's transaction failed (nothing of it was stored).
    func store(_ completion: ReportCompletion) async throws -> StoredReport? {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            pending.append((completion, waiter))
            if pending.count >= maxBatch {
                flush()
            } else if pending.count == 1 {
                let due = generation
                Task { [maxDelay] in
                    try? await Task.sleep(for: maxDelay)
                    self.flush(ifGeneration: due)
                }
            }
        }
    }

    private func flush(ifGeneration due: Int) {
        if due == generation { flush() }
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        generation += 1
        let queue = queue
        Task {
            do {
                let stored = try await queue.complete(batch.map(\.0))
                let byJob = Dictionary(stored.map { ($0.jobID, $0) }, uniquingKeysWith: { first, _ in first })
                for (completion, waiter) in batch { waiter.resume(returning: byJob[completion.jobID]) }
            } catch {
                for (_, waiter) in batch { waiter.resume(throwing: error) }
            }
        }
    }
}
