import ERSJobs
import Foundation
import Testing

@Suite("Cron expressions (crontab(5), UTC)")
struct CronScheduleTests {
    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    static func text(_ date: Date?) -> String {
        guard let date else { return "none" }
        return ISO8601DateFormatter().string(from: date)
    }

    /// expression, after, the next due times (goldens worked out by hand from crontab(5)).
    static let goldens: [(String, String, [String])] = [
        ("0 * * * *", "2026-03-10T10:15:00Z", ["2026-03-10T11:00:00Z", "2026-03-10T12:00:00Z"]),
        ("*/15 * * * *", "2026-03-10T10:15:00Z", ["2026-03-10T10:30:00Z", "2026-03-10T10:45:00Z", "2026-03-10T11:00:00Z"]),
        ("5,35 9-10 * * *", "2026-03-10T10:36:00Z", ["2026-03-11T09:05:00Z", "2026-03-11T09:35:00Z", "2026-03-11T10:05:00Z"]),
        ("0 0 1 * *", "2026-12-15T00:00:00Z", ["2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"]),
        ("30 2 * * MON-FRI", "2026-03-13T03:00:00Z", ["2026-03-16T02:30:00Z", "2026-03-17T02:30:00Z"]), // Fri → Mon, Tue
        ("0 12 * JAN,jul SUN", "2026-01-01T00:00:00Z", ["2026-01-04T12:00:00Z", "2026-01-11T12:00:00Z"]),
        ("0 0 * * 7", "2026-03-10T00:00:00Z", ["2026-03-15T00:00:00Z"]), // 7 is Sunday
        ("0 0 13 * 5", "2026-03-01T00:00:00Z", ["2026-03-06T00:00:00Z", "2026-03-13T00:00:00Z", "2026-03-20T00:00:00Z"]), // 13th OR Friday
        ("0 0 29 2 *", "2026-03-01T00:00:00Z", ["2028-02-29T00:00:00Z"]),
        ("10-50/20 1 * * *", "2026-03-10T00:00:00Z", ["2026-03-10T01:10:00Z", "2026-03-10T01:30:00Z", "2026-03-10T01:50:00Z"]),
        ("45/5 * * * *", "2026-03-10T00:00:00Z", ["2026-03-10T00:45:00Z", "2026-03-10T00:50:00Z", "2026-03-10T00:55:00Z", "2026-03-10T01:45:00Z"]),
        ("59 23 31 DEC *", "2026-12-31T23:59:00Z", ["2027-12-31T23:59:00Z"]),
        ("* * * * *", "2026-03-10T10:15:42Z", ["2026-03-10T10:16:00Z", "2026-03-10T10:17:00Z"]),
    ]

    @Test("next due times", arguments: goldens.indices)
    func nextTimes(_ index: Int) throws {
        let (expression, after, expected) = Self.goldens[index]
        let schedule = try CronSchedule(expression)
        var cursor = Self.date(after)
        var got: [String] = []
        for _ in expected {
            guard let next = schedule.next(after: cursor) else { got.append("none"); break }
            got.append(Self.text(next))
            cursor = next
        }
        #expect(got == expected, "\(expression) after \(after)")
    }

    @Test("no due time within five years is nil")
    func impossible() throws {
        #expect(try CronSchedule("0 0 30 2 *").next(after: Self.date("2026-01-01T00:00:00Z")) == nil)
    }

    @Test("due times in a window, and matches")
    func window() throws {
        let schedule = try CronSchedule("*/20 * * * *")
        let times = schedule.dueTimes(after: Self.date("2026-03-10T10:00:00Z"), through: Self.date("2026-03-10T11:00:00Z"))
        #expect(times.map(Self.text) == ["2026-03-10T10:20:00Z", "2026-03-10T10:40:00Z", "2026-03-10T11:00:00Z"])
        #expect(schedule.matches(Self.date("2026-03-10T10:40:30Z")))
        #expect(!schedule.matches(Self.date("2026-03-10T10:41:00Z")))
    }

    @Test("bad expressions say which field and why", arguments: [
        ("0 * * *", "has 4 fields"), ("60 * * * *", "minute"), ("* 24 * * *", "hour"), ("* * 0 * *", "day of month"),
        ("* * * 13 *", "month"), ("* * * * 8", "day of week"), ("*/0 * * * *", "step"), ("5-1 * * * *", "backwards"),
        ("* * * FOO *", "month"), ("1/2/3 * * * *", "more than one '/'"), ("a * * * *", "minute"),
    ])
    func errors(_ expression: String, _ fragment: String) {
        do {
            _ = try CronSchedule(expression)
            Issue.record("\(expression) parsed")
        } catch {
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }
}
