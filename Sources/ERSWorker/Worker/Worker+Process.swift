import ERSCollectors
import ERSJobs
import Foundation
import Logging

extension Worker {
    /// Runs one claimed job to a recorded end: stored, failed (retry or dead), postponed
    /// (circuit open) or released (shutdown). Database errors are logged; the lease then
    /// expires and the job is rescued, so nothing is silently dropped.
    func process(_ job: ClaimedJob) async {
        var logger = self.logger
        logger[metadataKey: "job.id"] = "\(job.id)"
        logger[metadataKey: "host"] = "\(job.hostname)"
        logger[metadataKey: "attempt"] = "\(job.attempt)/\(job.maxAttempts)"
        do {
            try await run(job, logger: logger)
        } catch {
            logger.error("recording the job's result failed; its lease will expire and it will be retried", metadata: ["error": "\(error)"])
        }
    }

    private func run(_ job: ClaimedJob, logger: Logger) async throws {
        let target: CollectionTarget
        do {
            target = try job.validatedTarget()
        } catch {
            logger.error("invalid host row; job is dead", metadata: ["error": "\(error.message)"])
            try await queue.fail(job, error)
            return
        }
        guard let collector = collectors.collectors[target.transport] else {
            // Claims only take hosts this worker can collect; the host's transport changed since.
            // Transient: another worker (or this one, reconfigured) may collect it.
            try await queue.fail(job, JobFailure(.transient, "no \(target.transport.rawValue) collector is configured on worker \(configuration.workerID) (the host's transport changed after the claim); \(CollectorSet.howToEnable(target.transport))"))
            return
        }
        // Per endpoint: hosts behind one address on different ports (port forwards, a fleet
        // on loopback) fail independently.
        let breakerKey = target.address.kind == .ipv6 ? "[\(target.address.text)]:\(target.port)" : "\(target.address.text):\(target.port)"
        if case .refused(let wait) = await breaker.acquire(breakerKey) {
            let retryAfter = max(1, Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
            try await queue.postpone(job, seconds: retryAfter,
                                     reason: "circuit open for \(breakerKey) after repeated transient failures; retried in \(Int(retryAfter.rounded(.up))) s")
            return
        }
        guard let outcome = await collectWithHeartbeat(job, collector: collector, target: target, logger: logger) else {
            if Task.isCancelled {
                await breaker.record(.permanent, for: breakerKey) // ends a half-open probe without judging the host
                let queue = self.queue, id = configuration.workerID
                // Not in this (cancelled) task: the release must reach the database.
                _ = try await Task { try await queue.release(job, reason: "worker \(id) shut down before the collection finished") }.value
                logger.notice("released unfinished job at shutdown")
            }
            return
        }
        switch outcome {
        case .collected(let report):
            await breaker.record(nil, for: breakerKey)
            let batcher = self.batcher
            let completion = ReportCompletion(jobID: job.id, leaseToken: job.leaseToken, json: report.json)
            guard let stored = try await Task(operation: { try await batcher.store(completion) }).value else {
                logger.warning("report not stored: the job's lease was no longer this worker's (rescued or finished elsewhere)")
                return
            }
            logger.info("report stored", metadata: ["report.id": "\(stored.reportID)", "seconds": "\(report.seconds)"])
            // Queued, not awaited: a slow or unreachable Redis never holds this job's slot.
            await refresher.submit(StoredReportEvent(hostname: stored.hostname, reportType: stored.reportType, reportID: stored.reportID,
                                                     createdAt: stored.createdAt))
        case .failed(let failure):
            let kind: JobFailure.Kind = failure.kind == .permanent ? .permanent : .transient
            await breaker.record(failure.kind, for: breakerKey)
            let result = try await queue.fail(job, JobFailure(kind, failure.message))
            logger.warning("collection failed", metadata: ["error": "\(failure)", "outcome": "\(result)"])
        }
    }

    /// Collects while a heartbeat renews the lease every ``WorkerConfiguration/heartbeatSeconds``.
    /// - Returns: nil when the lease was lost (the collection is cancelled) or the task was cancelled.
    private func collectWithHeartbeat(_ job: ClaimedJob, collector: any Collector, target: CollectionTarget, logger: Logger) async -> CollectionOutcome? {
        let queue = self.queue, interval = configuration.heartbeatSeconds
        return await withTaskGroup(of: CollectionOutcome?.self) { group in
            group.addTask { await collector.collect(target, reportType: job.reportType) }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(interval))
                    if Task.isCancelled { return nil }
                    do {
                        if try await !queue.heartbeat(job) {
                            logger.warning("lease lost (rescued by another worker); abandoning the collection")
                            return nil
                        }
                    } catch {
                        logger.warning("heartbeat failed; retrying at the next beat", metadata: ["error": "\(error)"])
                    }
                }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return Task.isCancelled ? nil : first
        }
    }
}
