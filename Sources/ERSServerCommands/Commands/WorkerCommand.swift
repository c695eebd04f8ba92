import ArgumentParser
import ERSJobs
import ERSServerCore
import ERSWorker
import Logging
import ServiceLifecycle

/// `ers-server worker`: claims collection jobs and stores their reports.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run a collection worker: claim jobs from PostgreSQL, collect reports, store each exactly once.",
        discussion: """
            Needs DATABASE_URL. Settings: WORKER_CONCURRENCY, WORKER_LEASE_SECONDS, WORKER_HEARTBEAT_SECONDS, \
            WORKER_POLL_SECONDS, WORKER_RESCUE_SECONDS, WORKER_STORE_BATCH, JOB_RETRY_BASE_SECONDS, JOB_RETRY_CAP_SECONDS, \
            JOB_RETENTION_HOURS, JOB_PRUNE_BATCH, BREAKER_FAILURES, BREAKER_OPEN_SECONDS, WORKER_SSH_CRYPTO, \
            WORKER_SSH_CONNECTION_REUSE_SECONDS, and the collectors' SSH_* and timeout settings (docs/ers-server.md). \
            With REDIS_URL, each stored report refreshes the latest-report cache of `ers-server collection` \
            (LATEST_REPORT_CACHE_TTL_SECONDS) in the background (WORKER_CACHE_REFRESH_BUFFER, WORKER_CACHE_REFRESH_CONCURRENCY). /health, /ready and /metrics on HTTP_HOST:HTTP_PORT. On SIGTERM it \
            stops claiming, lets running jobs finish within SHUTDOWN_GRACE_SECONDS, then releases their leases.
            """
    )

    func run() async throws {
        let environment = ServerEnvironment()
        let server: ServerConfiguration
        let worker: WorkerConfiguration
        let latestReportTTL: Int
        do {
            server = try ServerConfiguration(environment: environment)
            worker = try WorkerConfiguration(environment: environment)
            latestReportTTL = try environment.integer("LATEST_REPORT_CACHE_TTL_SECONDS", default: 3600, range: 1...86_400)
        } catch {
            printError("\(error)")
            throw ExitCodes.configuration
        }
        guard let database = server.database else {
            printError("DATABASE_URL: not set; the worker needs PostgreSQL (DATABASE_URL=postgres://user@host:5432/db?sslmode=require)")
            throw ExitCodes.configuration
        }
        LoggingSetup.bootstrap(level: server.logLevel)
        var logger = Logger(label: "ers.worker")
        logger.logLevel = server.logLevel
        let runtime: ServerRuntime
        do {
            runtime = try ServerRuntime(configuration: server, logger: logger)
        } catch {
            printError("\(error)")
            throw ExitCodes.configuration
        }
        guard let postgres = runtime.postgres else { throw ExitCodes.configuration }
        // Built last: the HTTP collector holds a client that must be shut down on every path from here.
        let collectors: CollectorSet
        do {
            collectors = try WorkerCollectors.make(environment: environment)
        } catch {
            printError("\(error)")
            throw ExitCodes.configuration
        }
        runtime.bootstrapMetricsSystem()
        let queue = JobQueue(client: postgres, options: worker.queue, logger: logger)
        // The drain must end before service-lifecycle's own deadline for the whole group.
        let drain = max(0, Double(server.shutdownGracePeriod.components.seconds) * 0.75)
        // Then waiting latest-report cache refreshes get a short while (Redis may be the reason they wait).
        let grace = Double(server.shutdownGracePeriod.components.seconds)
        let service = Worker(queue: queue, collectors: collectors, configuration: worker, listenURL: database, drainSeconds: drain,
                             refreshDrainSeconds: min(2, grace * 0.1), logger: logger,
                             onStored: LatestReportHook.make(runtime: runtime, ttl: .seconds(latestReportTTL), logger: logger))
        let router = runtime.makeRouter(checks: runtime.datastoreChecks + [.note("worker", "id \(worker.workerID), concurrency \(worker.concurrency)")])
        let group = runtime.makeServiceGroup(router: router, roleServices: [.init(service: service, serviceName: "worker")])
        do {
            try await group.run()
        } catch {
            await collectors.shutdown()
            throw error
        }
        await collectors.shutdown()
    }
}
