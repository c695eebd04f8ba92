import Foundation

/// A five-field cron expression — minute, hour, day of month, month, day of week — evaluated in
/// UTC, as crontab(5) (Vixie cron) and the Kubernetes CronJob read it: `*`, numbers, ranges
/// `a-b`, steps `*/n`, `a-b/n` and `a/n` (from a to the field's end), lists `a,b`, and
/// three-letter month (`JAN`…`DEC`) and day (`SUN`…`SAT`) names, any case; day of week 0 or 7
/// is Sunday. When both day fields are restricted (neither begins with `*`) a day matches
/// either, as in crontab(5).
public struct CronSchedule: Sendable, Hashable, CustomStringConvertible {
    /// The expression as given.
    public let description: String
    let minutes: Set<Int>, hours: Set<Int>, daysOfMonth: Set<Int>, months: Set<Int>, daysOfWeek: Set<Int>
    let daysOfMonthIsStar: Bool, daysOfWeekIsStar: Bool

    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    /// Parses `text`.
    /// - Throws: ``CronError`` naming the field and the rule it breaks.
    public init(_ text: String) throws(CronError) {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw CronError("'\(text)' has \(fields.count) fields; a cron expression has five: minute hour day-of-month month day-of-week (e.g. \"0 * * * *\")")
        }
        description = text
        minutes = try Self.field(fields[0], name: "minute", range: 0...59, names: [], in: text)
        hours = try Self.field(fields[1], name: "hour", range: 0...23, names: [], in: text)
        daysOfMonth = try Self.field(fields[2], name: "day of month", range: 1...31, names: [], in: text)
        months = try Self.field(fields[3], name: "month", range: 1...12, names: Self.monthNames, in: text)
        daysOfWeek = Set(try Self.field(fields[4], name: "day of week", range: 0...7, names: Self.dayNames, in: text).map { $0 % 7 })
        daysOfMonthIsStar = fields[2].hasPrefix("*")
        daysOfWeekIsStar = fields[4].hasPrefix("*")
    }

    static func field(_ text: String, name: String, range: ClosedRange<Int>, names: [String], in expression: String) throws(CronError) -> Set<Int> {
        var values = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let problem = "'\(item)' in the \(name) field of '\(expression)'"
            let parts = item.split(separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count) else { throw CronError("\(problem) has more than one '/'") }
            var step = 1
            if parts.count == 2 {
                guard let parsed = Int(parts[1]), parsed > 0 else { throw CronError("\(problem): the step after '/' must be a whole number above 0") }
                step = parsed
            }
            let bounds: ClosedRange<Int>
            if parts[0] == "*" {
                bounds = range
            } else {
                let ends = parts[0].split(separator: "-", omittingEmptySubsequences: false)
                guard (1...2).contains(ends.count) else { throw CronError("\(problem) is not a number, a name, or a range a-b") }
                var numbers: [Int] = []
                for end in ends {
                    let value = Int(end) ?? names.firstIndex(of: end.uppercased()).map { $0 + (range.lowerBound == 1 ? 1 : 0) }
                    guard let value, range.contains(value) else {
                        throw CronError("\(problem): '\(end)' is not \(names.isEmpty ? "a number" : "a number or name") in \(range.lowerBound)–\(range.upperBound)")
                    }
                    numbers.append(value)
                }
                let low = numbers[0], high = numbers.count == 2 ? numbers[1] : (parts.count == 2 ? range.upperBound : numbers[0])
                guard low <= high else { throw CronError("\(problem): the range runs backwards (\(low) > \(high))") }
                bounds = low...high
            }
            values.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return values
    }
}

/// A cron expression that does not parse; `description` names the field and the rule.
public struct CronError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
