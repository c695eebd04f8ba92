import ERSCollectors
public import ERSDatabase
public import ERSJobs
public import Logging
public import ServiceLifecycle
import NIOConcurrencyHelpers
public import Foundation

/// `ers-server worker`: claims jobs from the queue and collects their reports, at most
/// ``WorkerConfiguration/concurrency`` at once, each job's lease renewed by a heartbeat while
/// it runs. Idle, it waits for a `NOTIFY ers_jobs` (``JobNotificationListener``) or the poll
/// interval, whichever comes first. Every ``WorkerConfiguration/rescueSeconds`` it rescues
/// expired leases (of any worker) and prunes old finished jobs.
///
/// After each stored report the `onStored` hook (the latest-report cache refresh) runs in the
/// background through a bounded ``CacheRefresher``, never on the path of a job or a claim.
///
/// Graceful shutdown (service-lifecycle): it stops claiming at once, lets running jobs finish
/// for `drainSeconds`, then cancels them and releases their leases (unfinished jobs go back to
/// the queue without using an attempt); then waiting cache refreshes get `refreshDrainSeconds`.
/// A worker killed outright leaves its leases to expire; other workers rescue them.
public final class Worker: Service, Sendable {
    let queue: JobQueue
    let collectors: CollectorSet
    let configuration: WorkerConfiguration
    let breaker: CircuitBreaker<String>
    let batcher: ReportBatcher
    let signal = WakeSignal()
    let listenURL: DatabaseURL?
    let drainSeconds: Double
    let refreshDrainSeconds: Double
    let refresher: CacheRefresher
    let logger: Logger
    let stopping = NIOLockedValueBox(false)
    let running = NIOLockedValueBox(0)

    /// - Parameters:
    ///   - listenURL: where to `LISTEN` (a connection of its own); nil: polling only.
    ///   - drainSeconds: how long running jobs may finish after a shutdown request.
    ///   - refreshDrainSeconds: how long waiting cache refreshes may still run after the jobs drained.
    ///   - onStored: run in the background after each stored report (``ReportStoredHook``).
    public init(queue: JobQueue, collectors: CollectorSet, configuration: WorkerConfiguration, listenURL: DatabaseURL?,
                drainSeconds: Double, refreshDrainSeconds: Double = 2, logger: Logger,
                onStored: @escaping ReportStoredHook = { _, _, _, _ in }) {
        self.queue = queue
        self.collectors = collectors
        self.configuration = configuration
        self.breaker = CircuitBreaker(failureThreshold: configuration.breakerFailures, coolDown: .seconds(configuration.breakerOpenSeconds))
        self.batcher = ReportBatcher(queue: queue, maxBatch: configuration.storeBatch, maxDelay: .milliseconds(5))
        self.listenURL = listenURL
        self.drainSeconds = drainSeconds
        self.refreshDrainSeconds = refreshDrainSeconds
        self.logger = logger
        self.refresher = CacheRefresher(hook: onStored, capacity: configuration.cacheRefreshCapacity,
                                        concurrency: configuration.cacheRefreshConcurrency, logger: logger)
    }

    /// Jobs running now.
    public var runningJobs: Int { running.withLockedValue { $0 } }

    /// Runs until a graceful shutdown (or cancellation), then drains as described above.
    public func run() async throws {
        logger.info("worker starting", metadata: ["worker": "\(configuration.workerID)", "concurrency": "\(configuration.concurrency)"])
        await withTaskGroup(of: Void.self) { background in
            if let listenURL {
                let listener = JobNotificationListener(url: listenURL, signal: signal, logger: logger)
                background.addTask { await listener.run() }
            }
            background.addTask { await self.maintenanceLoop() }
            await refresher.start()
            await withGracefulShutdownHandler {
                await self.claimLoop()
            } onGracefulShutdown: {
                self.stop()
            }
            await refresher.finish(within: .seconds(refreshDrainSeconds))
            background.cancelAll()
        }
        logger.info("worker stopped", metadata: ["worker": "\(configuration.workerID)"])
    }

    /// Stops claiming (what a graceful shutdown does).
    public func stop() {
        stopping.withLockedValue { $0 = true }
        Task { await signal.signal() }
    }

    var isStopping: Bool { stopping.withLockedValue { $0 } || Task.isCancelled }

    func claimLoop() async {
        // A discarding group: a job's finished child task is freed at once (a plain task group
        // keeps every finished child until it is awaited, so a long-running worker grew with
        // every job it processed). The group's end waits for the children still running.
        await withDiscardingTaskGroup { jobs in
            var databaseDelay = 0.5
            while !isStopping {
                let free = configuration.concurrency - runningJobs
                var claimed = 0
                if free > 0 {
                    do {
                        let batch = try await queue.claim(limit: free, worker: configuration.workerID, transports: collectors.transports)
                        claimed = batch.count
                        databaseDelay = 0.5
                        for job in batch {
                            running.withLockedValue { $0 += 1 }
                            jobs.addTask {
                                await self.process(job)
                                self.running.withLockedValue { $0 -= 1 }
                                await self.signal.signal()
                            }
                        }
                    } catch {
                        logger.warning("claiming jobs failed; retrying", metadata: ["error": "\(error)", "retry.seconds": "\(databaseDelay)"])
                        _ = await signal.wait(timeout: .seconds(databaseDelay))
                        databaseDelay = min(databaseDelay * 2, configuration.pollSeconds)
                        continue
                    }
                }
                if free > 0 && claimed == free { continue }
                _ = await signal.wait(timeout: .seconds(configuration.pollSeconds))
            }
            await drain(jobs: &jobs)
        }
    }

    /// Waits up to ``drainSeconds`` for running jobs, then cancels the rest (they release their leases).
    func drain(jobs: inout DiscardingTaskGroup) async {
        let deadline = ContinuousClock.now + .seconds(drainSeconds)
        if runningJobs > 0 { logger.info("draining", metadata: ["running": "\(runningJobs)", "grace.seconds": "\(drainSeconds)"]) }
        while runningJobs > 0 && ContinuousClock.now < deadline {
            _ = await signal.wait(timeout: min(.milliseconds(500), deadline - ContinuousClock.now))
        }
        if runningJobs > 0 {
            logger.warning("grace period over; cancelling running jobs and releasing their leases", metadata: ["running": "\(runningJobs)"])
            jobs.cancelAll()
        }
    }

    func maintenanceLoop() async {
        while !Task.isCancelled {
            do {
                let rescued = try await queue.rescueExpired()
                if rescued > 0 { logger.notice("rescued jobs with expired leases", metadata: ["jobs": "\(rescued)"]) }
                let pruned = try await queue.pruneFinished()
                if pruned > 0 { logger.info("pruned finished jobs", metadata: ["jobs": "\(pruned)"]) }
                _ = try await queue.depth()
            } catch {
                logger.warning("queue maintenance failed; retrying next round", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(configuration.rescueSeconds))
        }
    }
}
