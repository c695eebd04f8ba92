import ERSJobs
import ERSServerCore
import ERSWorker
import Foundation
import Testing

@Suite("Worker units")
struct WorkerUnitTests {
    @Test("schedules file: the spec's shape, bare arrays, and errors that name the entry")
    func scheduleFile() throws {
        let spec = #"{"collectionSchedules": [{"name": "fleet-hourly", "schedule": "0 * * * *", "reportType": "system", "selector": {"env": "prod", "role": "db"}}]}"#
        let entries = try ScheduleFile.parse(Data(spec.utf8), source: "s.json")
        #expect(entries.count == 1)
        #expect(entries.first?.selector.description == "env=prod,role=db")
        #expect(entries.first?.cron.description == "0 * * * *")
        #expect(try ScheduleFile.parse(Data(#"[{"name": "a", "schedule": "* * * * *", "reportType": "system"}]"#.utf8), source: "s").first?.selector.requirements == [])
        #expect(throws: ScheduleFileError.self) { try ScheduleFile.parse(Data(#"[{"name": "a", "schedule": "* * *", "reportType": "system"}]"#.utf8), source: "s") }
        #expect(throws: ScheduleFileError.self) {
            try ScheduleFile.parse(Data(#"[{"name": "a", "schedule": "* * * * *", "reportType": "system", "selector": {"bad key!": "x"}}]"#.utf8), source: "s")
        }
        #expect(throws: ScheduleFileError.self) { try ScheduleFile.parse(Data("{}".utf8), source: "s") }
        // A type no worker collects is refused at start, not left to kill every job it makes.
        #expect(throws: ScheduleFileError.self) { try ScheduleFile.parse(Data(#"[{"name": "a", "schedule": "* * * * *", "reportType": "disk"}]"#.utf8), source: "s") }
    }

    @Test("worker settings from the environment, with ranges checked")
    func configuration() throws {
        let parsed = try WorkerConfiguration(environment: ServerEnvironment(["WORKER_CONCURRENCY": "12", "WORKER_LEASE_SECONDS": "30", "JOB_RETRY_CAP_SECONDS": "60"]))
        #expect(parsed.concurrency == 12 && parsed.queue.leaseSeconds == 30 && parsed.heartbeatSeconds == 10 && parsed.queue.backoffCapSeconds == 60)
        #expect(throws: ConfigurationError.self) { try WorkerConfiguration(environment: ServerEnvironment(["WORKER_CONCURRENCY": "0"])) }
        #expect(parsed.cacheRefreshCapacity == 10_000 && parsed.cacheRefreshConcurrency == 4)
        let refresh = try WorkerConfiguration(environment: ServerEnvironment(["WORKER_CACHE_REFRESH_BUFFER": "50", "WORKER_CACHE_REFRESH_CONCURRENCY": "2"]))
        #expect(refresh.cacheRefreshCapacity == 50 && refresh.cacheRefreshConcurrency == 2)
        #expect(throws: ConfigurationError.self) { try WorkerConfiguration(environment: ServerEnvironment(["WORKER_CACHE_REFRESH_BUFFER": "0"])) }
        #expect(throws: ConfigurationError.self) { try WorkerConfiguration(environment: ServerEnvironment(["WORKER_CACHE_REFRESH_CONCURRENCY": "65"])) }
        #expect(throws: ConfigurationError.self) {
            try WorkerConfiguration(environment: ServerEnvironment(["JOB_RETRY_BASE_SECONDS": "10", "JOB_RETRY_CAP_SECONDS": "5"]))
        }
    }
}
