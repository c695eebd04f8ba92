import ERSFleet
import ERSJobs
import ERSWorker
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// Keeps the messages logged at `warning` and above.
struct CapturedWarnings: LogHandler {
    let messages: NIOLockedValueBox<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .warning

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard event.level >= .warning else { return }
        let details = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        messages.withLockedValue { $0.append("\(event.message) \(details)") }
    }
}

@Suite("Scheduler service (real PostgreSQL)")
struct SchedulerServiceTests {
    static func service(_ db: JobsDatabase, holder: String, schedules: [CollectionScheduleEntry], logger: Logger = JobsDatabase.logger) -> SchedulerService {
        SchedulerService(schedules: schedules, collections: db.collections(), lease: SchedulerLease(client: db.client, logger: JobsDatabase.logger),
                         holder: holder, leaseSeconds: 30, renewSeconds: 5, catchUpSeconds: 600, logger: logger)
    }

    @Test("regression: a schedule matching no enabled host creates nothing, warns once per due time, and is not retried every round")
    func scheduleMatchingNothing() async throws {
        try await JobsDatabase.with { db in
            try await db.addHosts(2, labels: #"{"env":"prod"}"#)
            let schedules = [
                CollectionScheduleEntry(name: "ghosts", cron: try CronSchedule("0 * * * *"), reportType: "system", selector: try LabelSelector("env=ghost")),
                CollectionScheduleEntry(name: "prod", cron: try CronSchedule("0 * * * *"), reportType: "system", selector: try LabelSelector("env=prod")),
            ]
            let warnings = NIOLockedValueBox<[String]>([])
            let logger = Logger(label: "scheduler-test") { _ in CapturedWarnings(messages: warnings) }
            let scheduler = Self.service(db, holder: "a", schedules: schedules, logger: logger)
            let now = Date(timeIntervalSince1970: 1_767_229_500) // 2026-01-01T01:05:00Z: 01:00 is due
            for round in 0..<4 { await scheduler.tick(now: now.addingTimeInterval(Double(round) * 5)) }
            #expect(try await db.lines("SELECT schedule_name FROM collections") == ["prod"], "no empty collection for the schedule matching nothing")
            let skipped = warnings.withLockedValue { $0 }.filter { $0.contains("no enabled host matches") }
            #expect(skipped.count == 1, "\(warnings.withLockedValue { $0 })")
            #expect(skipped.first?.contains("schedule=ghosts") == true && skipped.first?.contains("selector=env=ghost") == true)
        }
    }

    @Test("two schedulers ticking at once: one leads, and each due run is created once")
    func twoSchedulers() async throws {
        try await JobsDatabase.with { db in
            try await db.addHosts(4, labels: #"{"env":"prod"}"#)
            try await db.addHosts(2, prefix: "lab")
            let schedules = [
                CollectionScheduleEntry(name: "every-5", cron: try CronSchedule("*/5 * * * *"), reportType: "system", selector: try LabelSelector("env=prod")),
                CollectionScheduleEntry(name: "hourly", cron: try CronSchedule("0 * * * *"), reportType: "disk", selector: try LabelSelector("")),
            ]
            let a = Self.service(db, holder: "a", schedules: schedules), b = Self.service(db, holder: "b", schedules: schedules)
            let now = Date(timeIntervalSince1970: 1_767_229_500) // 2026-01-01T01:05:00Z
            await withTaskGroup(of: Void.self) { group in
                for round in 0..<5 {
                    let at = now.addingTimeInterval(Double(round))
                    group.addTask { await a.tick(now: at) }
                    group.addTask { await b.tick(now: at) }
                }
            }
            let leaders = [await a.currentLease, await b.currentLease].compactMap { $0 }
            #expect(leaders.count == 1, "exactly one leader")
            // Window (00:55, 01:05]: every-5 → 01:00, 01:05 (and 00:55 is excluded? no: after 00:55 exclusive) ; hourly → 01:00.
            #expect(try await db.lines("SELECT schedule_name, to_char(scheduled_for AT TIME ZONE 'UTC', 'HH24:MI') FROM collections ORDER BY 1, 2")
                    == ["every-5|01:00", "every-5|01:05", "hourly|01:00"])
            #expect(try await db.integer("SELECT count(*) FROM jobs") == 4 + 4 + 6)
            // Later rounds by either replica add nothing new for the same times.
            await a.tick(now: now.addingTimeInterval(30))
            await b.tick(now: now.addingTimeInterval(30))
            #expect(try await db.integer("SELECT count(*) FROM collections") == 3)
        }
    }

    @Test("a leader whose lease was taken over steps down and creates nothing")
    func stepsDown() async throws {
        try await JobsDatabase.with { db in
            try await db.addHosts(1)
            let schedules = [CollectionScheduleEntry(name: "minutely", cron: try CronSchedule("* * * * *"), reportType: "system", selector: try LabelSelector(""))]
            let a = Self.service(db, holder: "a", schedules: schedules), b = Self.service(db, holder: "b", schedules: schedules)
            let now = Date(timeIntervalSince1970: 1_767_225_600)
            await a.tick(now: now)
            #expect(await a.currentLease?.term == 1)
            try await db.execute("UPDATE scheduler_leases SET expires_at = now() - interval '1 second'")
            await b.tick(now: now)
            #expect(await b.currentLease?.term == 2)
            let before = try await db.integer("SELECT count(*) FROM collections")
            await a.tick(now: now.addingTimeInterval(60))
            #expect(await a.currentLease == nil, "the former leader did not step down")
            #expect(try await db.integer("SELECT count(*) FROM collections WHERE scheduler_term = 1 AND scheduled_for > '2026-01-01T00:00:00Z'") == 0)
            #expect(try await db.integer("SELECT count(*) FROM collections") == before)
        }
    }
}
