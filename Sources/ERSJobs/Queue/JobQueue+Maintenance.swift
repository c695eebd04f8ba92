extension JobQueue {
    /// Takes back jobs whose lease expired (their worker died or stopped heartbeating), up to
    /// `limit` per call: state failed and ready now (`last_error` says whose lease expired), or
    /// dead when no attempt is left. Safe to run from every worker at once (`SKIP LOCKED`).
    /// Announces rescued work on ``channel``.
    /// - Returns: how many jobs were rescued (retried or dead).
    /// - Throws: ``DatabaseError``.
    @discardableResult
    public func rescueExpired(limit: Int = 1000) async throws -> Int {
        let rows = try await client.rows("""
            WITH expired AS (
                SELECT id FROM jobs
                WHERE state = 'running' AND lease_expires_at < now()
                ORDER BY lease_expires_at
                LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            ), rescued AS (
                UPDATE jobs j SET
                    state = CASE WHEN j.attempts >= j.max_attempts THEN 'dead' ELSE 'failed' END,
                    finished_at = CASE WHEN j.attempts >= j.max_attempts THEN now() END,
                    run_at = now(),
                    last_error = 'lease of worker ' || coalesce(j.leased_by, '?') || ' expired at '
                        || to_char(j.lease_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                        || ' during attempt ' || j.attempts || ' (the worker stopped or lost the database)',
                    error_kind = 'transient', lease_token = NULL, lease_expires_at = NULL, updated_at = now()
                FROM expired WHERE j.id = expired.id
                RETURNING j.state
            )
            SELECT count(*) FILTER (WHERE state = 'failed')::bigint, count(*) FILTER (WHERE state = 'dead')::bigint,
                   CASE WHEN count(*) FILTER (WHERE state = 'failed') > 0 THEN pg_notify(\(JobQueue.channel), 'rescued') IS NULL END
            FROM rescued
            """, logger: logger)
        guard let row = rows.first else { return 0 }
        let (retried, dead, _) = try row.decode((Int64, Int64, Bool?).self)
        metrics.rescued.increment(by: retried + dead)
        metrics.dead.increment(by: dead)
        return Int(retried + dead)
    }

    /// Deletes finished jobs (succeeded or dead) whose `finished_at` is older than
    /// ``QueueOptions/retentionSeconds``, ``QueueOptions/pruneBatchSize`` rows per statement
    /// (`DELETE … WHERE id IN (SELECT … LIMIT n)`), so no statement holds many row locks or
    /// runs long; stops after `maxBatches` or when a batch is short.
    /// - Returns: the number of jobs deleted.
    /// - Throws: ``DatabaseError``.
    @discardableResult
    public func pruneFinished(maxBatches: Int = 100) async throws -> Int {
        var total = 0
        for _ in 0..<max(1, maxBatches) {
            let rows = try await client.rows("""
                DELETE FROM jobs WHERE id IN (
                    SELECT id FROM jobs
                    WHERE state IN ('succeeded', 'dead') AND finished_at < now() - make_interval(secs => \(options.retentionSeconds))
                    ORDER BY finished_at
                    LIMIT \(options.pruneBatchSize)
                )
                RETURNING id
                """, logger: logger)
            total += rows.count
            if rows.count < options.pruneBatchSize { break }
        }
        metrics.pruned.increment(by: Int64(total))
        return total
    }
}
