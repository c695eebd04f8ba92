/// How maintenance waits and retries. Defaults suit a busy production table.
public struct PartitionMaintainerOptions: Sendable, Hashable {
    /// `lock_timeout` for every statement that takes a lock writers could queue behind
    /// (`ATTACH`, a non-concurrent `DETACH`, `DROP`): the longest an insert can wait behind
    /// maintenance. Default 2 s.
    public var lockTimeout: Duration
    /// Tries per action when the lock is not granted in time (SQLSTATE 55P03) or a deadlock
    /// or serialization failure occurs. Default 6.
    public var attempts: Int
    /// The first pause between tries; doubled each time (with jitter) up to ``backoffCap``.
    /// Default 250 ms.
    public var backoff: Duration
    /// The longest pause between tries. Default 8 s.
    public var backoffCap: Duration
    /// `lock_timeout` for `DETACH … CONCURRENTLY` and `FINALIZE`, which block no writer but
    /// wait for every transaction that could still see the partition. Default 60 s.
    public var concurrentDetachTimeout: Duration
    /// How long to wait for the schema advisory lock (a migration or another maintenance
    /// holds it). Default 300 s.
    public var lockWait: Duration
    /// Test hook: pause this long after `CREATE TABLE` of a new partition, inside its
    /// transaction (to interrupt a run there). Nil in normal use.
    public var pauseAfterCreate: Duration?

    /// Options; every argument has the default described on its property.
    public init(
        lockTimeout: Duration = .seconds(2), attempts: Int = 6, backoff: Duration = .milliseconds(250),
        backoffCap: Duration = .seconds(8), concurrentDetachTimeout: Duration = .seconds(60), lockWait: Duration = .seconds(300),
        pauseAfterCreate: Duration? = nil
    ) {
        self.lockTimeout = lockTimeout
        self.attempts = max(attempts, 1)
        self.backoff = backoff
        self.backoffCap = backoffCap
        self.concurrentDetachTimeout = concurrentDetachTimeout
        self.lockWait = lockWait
        self.pauseAfterCreate = pauseAfterCreate
    }
}

extension Duration {
    /// Whole milliseconds (rounded down), at least 1: the unit of PostgreSQL's timeouts.
    var wholeMilliseconds: Int64 {
        max(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000, 1)
    }
}
