/// The report types ERS collects: the values `reportType` may take in the spec's collection
/// schedules, in `POST /api/v1/collections` and in `reports.report_type`. A type outside this
/// list would give jobs no worker can carry out, so every entry point refuses it.
public enum ReportTypes {
    /// The system report: identity, OS, kernel, CPU, memory, uptime, filesystems, network,
    /// listening ports, packages (docs/collectors.md, "The report script and its output").
    public static let system = "system"
    /// Every type the workers' collectors produce.
    public static let all: [String] = [system]

    /// What is wrong with `type` (for an error message), or nil when ERS collects it.
    public static func problem(_ type: String) -> String? {
        all.contains(type) ? nil : "'\(type)' is not a report type ERS collects; the types are: \(all.joined(separator: ", "))"
    }
}
