/// How the queue treats leases and retries. All durations in seconds.
public struct QueueOptions: Sendable, Hashable {
    /// How long a claim's lease lasts before rescue may take the job back (renewed by each
    /// heartbeat). Default 60.
    public var leaseSeconds: Double
    /// Retry backoff: attempt n waits a random time in [0, min(cap, base · 2^(n−1))] ("full
    /// jitter", AWS Architecture Blog, "Exponential Backoff And Jitter", 2015). Defaults 2 and 300.
    public var backoffBaseSeconds: Double
    /// Longest pause before a retry, in seconds (the exponential backoff stops growing here).
    public var backoffCapSeconds: Double
    /// Finished jobs (succeeded or dead) older than this are pruned. Default 7 days.
    public var retentionSeconds: Double
    /// Rows deleted per prune statement. Default 1000.
    public var pruneBatchSize: Int

    public init(leaseSeconds: Double = 60, backoffBaseSeconds: Double = 2, backoffCapSeconds: Double = 300,
                retentionSeconds: Double = 7 * 86_400, pruneBatchSize: Int = 1000) {
        self.leaseSeconds = leaseSeconds
        self.backoffBaseSeconds = backoffBaseSeconds
        self.backoffCapSeconds = backoffCapSeconds
        self.retentionSeconds = retentionSeconds
        self.pruneBatchSize = max(1, pruneBatchSize)
    }

    /// The largest delay before attempt `attempt + 1` after `attempt` failed: min(cap, base · 2^(attempt−1)).
    public func backoffCeiling(afterAttempt attempt: Int) -> Double {
        let exponent = max(0, min(attempt - 1, 62))
        return min(backoffCapSeconds, backoffBaseSeconds * Double(Int64(1) << Int64(exponent)))
    }

    /// A delay drawn uniformly from [0, ``backoffCeiling(afterAttempt:)``] (full jitter).
    public func backoff<G: RandomNumberGenerator>(afterAttempt attempt: Int, using generator: inout G) -> Double {
        let ceiling = backoffCeiling(afterAttempt: attempt)
        return ceiling > 0 ? Double.random(in: 0...ceiling, using: &generator) : 0
    }

    /// A delay with the system's random generator.
    public func backoff(afterAttempt attempt: Int) -> Double {
        var generator = SystemRandomNumberGenerator()
        return backoff(afterAttempt: attempt, using: &generator)
    }
}
