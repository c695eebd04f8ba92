public import Foundation

extension CronSchedule {
    /// The UTC calendar the schedule is evaluated in.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// Whether the minute containing `date` (UTC) is a due time.
    public func matches(_ date: Date) -> Bool {
        let c = Self.calendar.dateComponents([.minute, .hour, .day, .month, .weekday], from: date)
        guard let minute = c.minute, let hour = c.hour, let day = c.day, let month = c.month, let weekday = c.weekday else { return false }
        return minutes.contains(minute) && hours.contains(hour) && months.contains(month) && dayMatches(day: day, weekday: weekday - 1)
    }

    func dayMatches(day: Int, weekday: Int) -> Bool {
        let byMonth = daysOfMonth.contains(day), byWeek = daysOfWeek.contains(weekday)
        return daysOfMonthIsStar || daysOfWeekIsStar ? byMonth && byWeek : byMonth || byWeek
    }

    /// The first due time strictly after `date` (whole minutes, UTC); nil when there is none
    /// within five years (e.g. `0 0 30 2 *`).
    public func next(after date: Date) -> Date? {
        let calendar = Self.calendar
        let start = (date.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60
        var current = Date(timeIntervalSince1970: start)
        let limit = date.addingTimeInterval(5 * 366 * 86_400)
        while current < limit {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: current)
            guard let year = c.year, let month = c.month, let day = c.day, let hour = c.hour, let minute = c.minute, let weekday = c.weekday
            else { return nil }
            if !months.contains(month) {
                guard let next = calendar.date(from: DateComponents(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1)) else { return nil }
                current = next
            } else if !dayMatches(day: day, weekday: weekday - 1) {
                guard let midnight = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
                current = midnight.addingTimeInterval(86_400)
            } else if !hours.contains(hour) {
                current = current.addingTimeInterval(Double(60 - minute) * 60)
            } else if !minutes.contains(minute) {
                current = current.addingTimeInterval(60)
            } else {
                return current
            }
        }
        return nil
    }

    /// The due times in `(from, through]`, oldest first, at most `limit` of them.
    public func dueTimes(after from: Date, through: Date, limit: Int = 1000) -> [Date] {
        var result: [Date] = []
        var cursor = from
        while result.count < limit, let next = next(after: cursor), next <= through {
            result.append(next)
            cursor = next
        }
        return result
    }
}
