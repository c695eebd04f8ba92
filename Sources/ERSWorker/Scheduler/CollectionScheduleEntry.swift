public import ERSFleet
public import ERSJobs
import ERSModel
public import Foundation

/// One periodic collection the scheduler starts: the spec's `collectionSchedules[]` entry
/// (name, schedule, reportType, selector) with its cron expression and selector parsed.
public struct CollectionScheduleEntry: Sendable, Hashable {
    public var name: String
    public var cron: CronSchedule
    public var reportType: String
    public var selector: LabelSelector

    public init(name: String, cron: CronSchedule, reportType: String, selector: LabelSelector) {
        self.name = name
        self.cron = cron
        self.reportType = reportType
        self.selector = selector
    }
}

/// The schedules file (`SCHEDULES_FILE`): JSON, either an object with the spec's key
/// `{"collectionSchedules": [...]}` or the bare array, each entry
/// `{"name": "fleet-hourly", "schedule": "0 * * * *", "reportType": "system", "selector": {"env": "prod"}}`
/// (`selector` optional: every host).
public enum ScheduleFile {
    struct Entry: Decodable {
        var name: String
        var schedule: String
        var reportType: String
        var selector: [String: String]?
    }

    struct Wrapper: Decodable { var collectionSchedules: [Entry] }

    /// Reads and checks the file at `path`.
    /// - Throws: ``ScheduleFileError`` naming the file, the entry and the problem.
    public static func load(path: String) throws(ScheduleFileError) -> [CollectionScheduleEntry] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ScheduleFileError("cannot read \(path) (\(error.localizedDescription)); mount the schedules ConfigMap there or fix SCHEDULES_FILE")
        }
        return try parse(data, source: path)
    }

    /// Parses the JSON `data` (`source` names it in errors).
    /// - Throws: ``ScheduleFileError``.
    public static func parse(_ data: Data, source: String) throws(ScheduleFileError) -> [CollectionScheduleEntry] {
        let decoder = JSONDecoder()
        let entries: [Entry]
        if let wrapped = try? decoder.decode(Wrapper.self, from: data) {
            entries = wrapped.collectionSchedules
        } else {
            do { entries = try decoder.decode([Entry].self, from: data) } catch {
                throw ScheduleFileError("\(source) is not a schedules file: expected {\"collectionSchedules\": [{\"name\", \"schedule\", \"reportType\", \"selector\"?}]} (\(error))")
            }
        }
        var names = Set<String>()
        var result: [CollectionScheduleEntry] = []
        for entry in entries {
            let at = "\(source): schedule \"\(entry.name)\""
            guard (1...100).contains(entry.name.utf8.count), names.insert(entry.name).inserted else {
                throw ScheduleFileError("\(at): names must be unique and 1–100 bytes")
            }
            if let problem = ReportTypes.problem(entry.reportType) { throw ScheduleFileError("\(at): reportType \(problem)") }
            let cron: CronSchedule
            do { cron = try CronSchedule(entry.schedule) } catch { throw ScheduleFileError("\(at): \(error)") }
            let text = (entry.selector ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let selector: LabelSelector
            do { selector = try LabelSelector(text) } catch { throw ScheduleFileError("\(at): selector: \(error)") }
            result.append(CollectionScheduleEntry(name: entry.name, cron: cron, reportType: entry.reportType, selector: selector))
        }
        return result
    }
}

/// A schedules file that cannot be used; `description` says where and why.
public struct ScheduleFileError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
