extension PartitionMaintainer {
    /// Runs `body`, again after a pause when PostgreSQL answers with a transient error — the
    /// lock was not granted within `lock_timeout` (55P03), a deadlock (40P01) or a
    /// serialization failure (40001) — up to ``PartitionMaintainerOptions/attempts`` tries.
    /// Pauses double from ``PartitionMaintainerOptions/backoff`` up to
    /// ``PartitionMaintainerOptions/backoffCap``, each shortened by a random part of up to a
    /// half, so that retrying runners do not move in step.
    /// - Throws: the last error, or any non-transient one at once.
    func retrying<Result: Sendable>(_ what: String, _ body: () async throws -> Result) async throws -> Result {
        var pause = options.backoff
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch let error as DatabaseError {
                guard let server = error.serverError, server.isTransient, attempt < options.attempts else { throw error }
                let wait = pause * Double.random(in: 0.5...1.0)
                log("\(what): \(server.sqlState) \(server.message); try \(attempt + 1) of \(options.attempts) in \(wait.wholeMilliseconds) ms")
                try await Task.sleep(for: wait)
                pause = min(pause * 2, options.backoffCap)
                attempt += 1
            }
        }
    }
}
