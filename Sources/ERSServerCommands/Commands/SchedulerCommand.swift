import ArgumentParser
import ERSJobs
import ERSRender
import Foundation
import ERSServerCore
import ERSWorker
import Logging

/// `ers-server scheduler`: starts the periodic collections of the spec's collectionSchedules.
struct SchedulerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "Run the collection scheduler: one leader among replicas starts each scheduled run once.",
        discussion: """
            Needs DATABASE_URL and the schedules: COLLECTION_SCHEDULES (JSON array of {"name", "schedule", "reportType", \
            "selector"?}: the spec's collectionSchedules, as `ersctl render` writes them) or SCHEDULES_FILE (a file with \
            that JSON, or {"collectionSchedules": [...]}). SCHEDULER_LEASE_SECONDS (default 15), SCHEDULER_RENEW_SECONDS \
            (default 5), SCHEDULER_CATCH_UP_SECONDS (runs due this long ago are still started, default 600), \
            JOB_MAX_ATTEMPTS (default 5), SCHEDULER_ID (default host name and process id).
            """
    )

    func run() async throws {
        let environment = ServerEnvironment()
        let server: ServerConfiguration
        let schedules: [CollectionScheduleEntry]
        let leaseSeconds: Int, renewSeconds: Int, catchUp: Int, maxAttempts: Int
        do {
            server = try ServerConfiguration(environment: environment)
            if let text = environment.string(ServiceConfig.schedulesVariable) {
                guard environment.string("SCHEDULES_FILE") == nil else {
                    throw ConfigurationError("SCHEDULES_FILE", "both \(ServiceConfig.schedulesVariable) and SCHEDULES_FILE are set; keep one")
                }
                schedules = try ScheduleFile.parse(Data(text.utf8), source: ServiceConfig.schedulesVariable)
            } else if let path = environment.string("SCHEDULES_FILE") {
                schedules = try ScheduleFile.load(path: path)
            } else {
                throw ConfigurationError(
                    ServiceConfig.schedulesVariable,
                    "not set; `ersctl render` puts the spec's collectionSchedules there (JSON), or point SCHEDULES_FILE at a JSON file")
            }
            leaseSeconds = try environment.integer("SCHEDULER_LEASE_SECONDS", default: 15, range: 3...600)
            renewSeconds = try environment.integer("SCHEDULER_RENEW_SECONDS", default: max(1, leaseSeconds / 3), range: 1...max(1, leaseSeconds / 2))
            catchUp = try environment.integer("SCHEDULER_CATCH_UP_SECONDS", default: 600, range: 0...86_400)
            maxAttempts = try environment.integer("JOB_MAX_ATTEMPTS", default: 5, range: 1...100)
        } catch {
            printError("\(error)")
            throw ExitCodes.configuration
        }
        guard server.database != nil else {
            printError("DATABASE_URL: not set; the scheduler needs PostgreSQL (DATABASE_URL=postgres://user@host:5432/db?sslmode=require)")
            throw ExitCodes.configuration
        }
        LoggingSetup.bootstrap(level: server.logLevel)
        var logger = Logger(label: "ers.scheduler")
        logger.logLevel = server.logLevel
        let runtime: ServerRuntime
        do {
            runtime = try ServerRuntime(configuration: server, logger: logger)
        } catch {
            printError("\(error)")
            throw ExitCodes.configuration
        }
        guard let postgres = runtime.postgres else { throw ExitCodes.configuration }
        runtime.bootstrapMetricsSystem()
        let holder = environment.string("SCHEDULER_ID") ?? WorkerConfiguration.defaultWorkerID()
        let service = SchedulerService(
            schedules: schedules, collections: CollectionQueue(client: postgres, maxAttempts: maxAttempts, logger: logger),
            lease: SchedulerLease(client: postgres, logger: logger), holder: holder, leaseSeconds: Double(leaseSeconds),
            renewSeconds: Double(renewSeconds), catchUpSeconds: Double(catchUp), logger: logger)
        let router = runtime.makeRouter(checks: runtime.datastoreChecks + [.note("scheduler", "\(schedules.count) schedules, holder \(holder)")])
        let group = runtime.makeServiceGroup(router: router, roleServices: [.init(service: service, serviceName: "scheduler")])
        try await group.run()
    }
}
