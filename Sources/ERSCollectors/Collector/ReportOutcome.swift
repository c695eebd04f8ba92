/// Turns a finished run's output into the collection outcome every collector returns.
enum ReportOutcome {
    /// Parses `raw`; when it holds no report, the failure says why (exit status, stderr).
    static func make(raw: String, reportType: String, seconds: Double, source: String,
                     exitCode: Int32?, signal: Int32?, standardError: String) -> CollectionOutcome {
        do {
            let report = try ReportParser.parse(raw, reportType: reportType)
            return .collected(CollectedReport(json: report.jsonText, seconds: seconds))
        } catch {
            let status = signal.map { "killed by signal \($0)" } ?? "exit status \(exitCode.map(String.init) ?? "?")"
            let detail = SSHFailureClassifier.lastLine(standardError)
            return .failed(CollectionFailure(.permanent, "\(source): the report script gave no report (\(status)\(detail.isEmpty ? "" : "; stderr: \(detail)")): \(error); check that the host has a POSIX sh"))
        }
    }
}
