extension JobQueue {
    /// Records a failed attempt of `job`, presenting its lease token: a transient failure with
    /// attempts left goes to state failed, retried at now() + a full-jitter backoff
    /// (``QueueOptions/backoff(afterAttempt:)``); a permanent failure, or the last attempt, goes
    /// to state dead (kept with `last_error` until pruned).
    /// - Throws: ``DatabaseError``.
    @discardableResult
    public func fail(_ job: ClaimedJob, _ failure: JobFailure) async throws -> FailOutcome {
        let delay = options.backoff(afterAttempt: job.attempt)
        let permanent = failure.kind == .permanent
        let rows = try await client.rows("""
            UPDATE jobs SET
                state = CASE WHEN \(permanent) OR attempts >= max_attempts THEN 'dead' ELSE 'failed' END,
                run_at = CASE WHEN \(permanent) OR attempts >= max_attempts THEN run_at
                              ELSE now() + make_interval(secs => \(delay)) END,
                finished_at = CASE WHEN \(permanent) OR attempts >= max_attempts THEN now() END,
                last_error = \(failure.message), error_kind = \(failure.kind.rawValue),
                lease_token = NULL, lease_expires_at = NULL, updated_at = now()
            WHERE id = \(job.id) AND lease_token = \(job.leaseToken) AND state = 'running'
            RETURNING state
            """, logger: logger)
        guard let state = try rows.first?.decode(String.self) else { return .leaseLost }
        if state == "dead" {
            metrics.dead.increment()
            return .dead
        }
        metrics.failed.increment()
        return .retry(delaySeconds: delay)
    }

    /// Gives `job` back unfinished (graceful shutdown): state queued, ready now, the attempt not
    /// counted. Does nothing when the lease is no longer this worker's.
    /// - Returns: whether the job was released.
    /// - Throws: ``DatabaseError``.
    @discardableResult
    public func release(_ job: ClaimedJob, reason: String) async throws -> Bool {
        let rows = try await client.rows("""
            UPDATE jobs SET state = 'queued', run_at = now(), attempts = greatest(attempts - 1, 0),
                lease_token = NULL, lease_expires_at = NULL, last_error = \(String(reason.prefix(2000))), updated_at = now()
            WHERE id = \(job.id) AND lease_token = \(job.leaseToken) AND state = 'running'
            RETURNING pg_notify(\(JobQueue.channel), id::text) IS NULL
            """, logger: logger)
        return !rows.isEmpty
    }
}

extension JobQueue {
    /// Puts `job` back unattempted until `seconds` from now (state failed, the attempt not
    /// counted), e.g. while its host's circuit breaker is open. Does nothing when the lease is no
    /// longer this worker's.
    /// - Returns: whether the job was postponed.
    /// - Throws: ``DatabaseError``.
    @discardableResult
    public func postpone(_ job: ClaimedJob, seconds: Double, reason: String) async throws -> Bool {
        let rows = try await client.rows("""
            UPDATE jobs SET state = 'failed', run_at = now() + make_interval(secs => \(seconds)), attempts = greatest(attempts - 1, 0),
                lease_token = NULL, lease_expires_at = NULL, last_error = \(String(reason.prefix(2000))), error_kind = 'transient',
                updated_at = now()
            WHERE id = \(job.id) AND lease_token = \(job.leaseToken) AND state = 'running'
            RETURNING id
            """, logger: logger)
        return !rows.isEmpty
    }
}
