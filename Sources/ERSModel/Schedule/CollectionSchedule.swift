/// A periodic collection the scheduler starts (`collectionSchedules[]`).
public struct CollectionSchedule: Sendable, Hashable, Codable {
    /// Schedule name (DNS-1123 label), unique.
    public var name: String
    /// Five-field cron expression, evaluated in UTC (e.g. `0 * * * *`).
    public var schedule: String
    /// Report type to collect, e.g. `system`.
    public var reportType: String
    /// Hosts whose labels match all of these.
    public var selector: [String: String]?

    /// Creates a schedule.
    public init(name: String, schedule: String, reportType: String, selector: [String: String]? = nil) {
        self.name = name
        self.schedule = schedule
        self.reportType = reportType
        self.selector = selector
    }
}
