extension SystemSpec {
    /// Collection schedules (five-field cron in UTC) and gateway host names and proxies.
    func validateSchedulesAndHosts() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for schedule in collectionSchedules {
            let path = FieldPath([.key("collectionSchedules"), .name(schedule.name)])
            diagnostics += KubernetesNameRules.nameProblems(schedule.name, kind: .namespace).map { .error(path.key("name"), $0) }
            if let problem = CronExpression.problem(schedule.schedule) {
                diagnostics.append(.error(path.key("schedule"), problem))
            }
            if let problem = ReportTypes.problem(schedule.reportType) {
                diagnostics.append(.error(path.key("reportType"), problem))
            }
            for (key, value) in (schedule.selector ?? [:]).sorted(by: { $0.key < $1.key }) {
                diagnostics += KubernetesNameRules.labelKeyProblems(key).map { .error(path.key("selector").key(key), $0) }
                diagnostics += KubernetesNameRules.labelValueProblems(value).map { .error(path.key("selector").key(key), $0) }
            }
        }
        for (index, host) in (gateway.exposure?.hostnames ?? []).enumerated() {
            let name = host.hasPrefix("*.") ? String(host.dropFirst(2)) : host
            let problems = KubernetesNameRules.dns1123SubdomainProblems(name)
            if !problems.isEmpty || !name.contains(".") {
                diagnostics.append(.error([.key("gateway"), .key("exposure"), .key("hostnames"), .index(index)], "'\(host)' is not a host name (lower case DNS name with a dot, optionally *.): e.g. ers.example.com"))
            }
        }
        for (index, cidr) in (gateway.trustedProxies ?? []).enumerated() where cidr.hasSuffix("/0") {
            diagnostics.append(.warning([.key("gateway"), .key("trustedProxies"), .index(index)], "\(cidr) trusts every address, so any client can choose its own address in X-Forwarded-For and dodge the rate limit; list only your proxies' ranges"))
        }
        for datastore in datastores where datastore.engine == .redis && datastore.sslmode != nil {
            diagnostics.append(.error([.key("datastores"), .name(datastore.name), .key("sslmode")], "sslmode is a PostgreSQL setting; remove it from the Redis datastore"))
        }
        return diagnostics
    }
}

/// Five-field cron expressions (minute hour day-of-month month day-of-week), as the
/// Kubernetes CronJob and the scheduler read them: `*`, numbers, ranges `a-b`, steps `/n`,
/// lists `a,b`, and three-letter month and day names.
enum CronExpression {
    static let fields: [(name: String, range: ClosedRange<Int>, names: [String])] = [
        ("minute", 0...59, []), ("hour", 0...23, []), ("day of month", 1...31, []),
        ("month", 1...12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0...7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ]

    /// What is wrong with `text`, or nil when it is a valid expression.
    static func problem(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 5 else {
            return "'\(text)' is not a five-field cron expression (minute hour day-of-month month day-of-week), e.g. \"0 * * * *\" for hourly"
        }
        for (part, field) in zip(parts, fields) {
            for item in part.split(separator: ",", omittingEmptySubsequences: false) {
                let pieces = item.split(separator: "/", omittingEmptySubsequences: false)
                guard (1...2).contains(pieces.count), pieces.count == 1 || (Int(pieces[1]).map { $0 > 0 } ?? false) else {
                    return "'\(part)' is not a valid \(field.name) field; use *, a number, a range a-b, a step */n or a list"
                }
                if pieces[0] == "*" { continue }
                let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
                guard (1...2).contains(bounds.count) else { return "'\(part)' is not a valid \(field.name) field" }
                for bound in bounds {
                    let value = Int(bound) ?? field.names.firstIndex(of: bound.uppercased()).map { $0 + (field.range.lowerBound == 1 ? 1 : 0) }
                    guard let value, field.range.contains(value) else {
                        return "'\(bound)' is out of range for the \(field.name) (\(field.range.lowerBound)–\(field.range.upperBound))"
                    }
                }
            }
        }
        return nil
    }
}
