/// A calendar month in UTC (proleptic Gregorian calendar, as PostgreSQL uses): the unit of
/// monthly partitioning. `2026-01` covers `[2026-01-01 00:00:00+00, 2026-02-01 00:00:00+00)`.
///
/// Months are ordered and strided by whole months, so a partition window is a closed range:
/// `asOf ... asOf.advanced(by: premake)`. Parsed from and printed as `YYYY-MM`.
/// Used by the DDL renderer (`--as-of`) and by partition maintenance (`ersctl partitions`).
/// No time zone other than UTC ever enters: month bounds are the same in every session.
/// Source: PostgreSQL docs 8.5 "Date/Time Types" (timestamptz is an instant; bounds written
/// with an explicit offset do not depend on the session `TimeZone`).
public struct YearMonth: Sendable, Hashable, Comparable, Strideable, LosslessStringConvertible, Codable {
    /// Months since January of year 0: `year * 12 + (month - 1)`.
    public let monthsSinceYearZero: Int

    /// The calendar year (e.g. 2026). Years before 1 are astronomical (year 0 is 1 BC).
    public var year: Int { monthsSinceYearZero.floorDivided(by: 12) }
    /// The month of the year, 1 (January) through 12 (December).
    public var month: Int { monthsSinceYearZero.floorModulo(12) + 1 }

    /// The month `month` (1...12) of `year`; nil when `month` is outside 1...12.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        let (product, overflow) = year.multipliedReportingOverflow(by: 12)
        guard !overflow else { return nil }
        let (sum, overflow2) = product.addingReportingOverflow(month - 1)
        guard !overflow2 else { return nil }
        self.monthsSinceYearZero = sum
    }

    /// The month `monthsSinceYearZero` months after January of year 0.
    public init(monthsSinceYearZero: Int) {
        self.monthsSinceYearZero = monthsSinceYearZero
    }

    /// Parses `YYYY-MM`: a four-digit year 0001–9999, a dash, a two-digit month 01–12
    /// (e.g. `2026-01`). Nil for anything else (`2026-1`, `2026-13`, ` 2026-01`).
    public init?(_ description: String) {
        let bytes = Array(description.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        guard let year = YearMonth.decimal(bytes[0..<4]), let month = YearMonth.decimal(bytes[5..<7]) else { return nil }
        guard year >= 1 else { return nil }
        self.init(year: year, month: month)
    }

    /// The UTC month containing the instant `seconds` after 1970-01-01 00:00:00 UTC
    /// (negative before it).
    public init(containingUnixTime seconds: Int64) {
        let days = Int(seconds.floorDivided(by: 86_400))
        let civil = YearMonth.civilFromDays(days)
        self.monthsSinceYearZero = civil.year * 12 + civil.month - 1
    }

    /// `YYYY-MM`, the year zero-padded to four digits (e.g. `2026-01`).
    public var description: String {
        "\(YearMonth.padded(year, to: 4))-\(YearMonth.padded(month, to: 2))"
    }

    /// The month `months` months later (earlier when negative); December + 1 is January of
    /// the next year.
    public func advanced(by months: Int) -> YearMonth {
        YearMonth(monthsSinceYearZero: monthsSinceYearZero + months)
    }

    /// The number of months from this month to `other` (positive when `other` is later).
    public func distance(to other: YearMonth) -> Int {
        other.monthsSinceYearZero - monthsSinceYearZero
    }

    /// The following month.
    public var next: YearMonth { advanced(by: 1) }

    /// Seconds from 1970-01-01 00:00:00 UTC to this month's first instant
    /// (`YYYY-MM-01 00:00:00` UTC).
    public var firstInstantUnixTime: Int64 {
        Int64(YearMonth.daysFromCivil(year: year, month: month, day: 1)) * 86_400
    }

    /// This month's first instant as PostgreSQL `timestamptz` input with an explicit UTC
    /// offset, e.g. `2026-01-01 00:00:00+00`: the same instant whatever the session
    /// `TimeZone` (PostgreSQL docs 8.5.1.3 "Time Stamps"). Meant for years 0001–9999.
    public var firstInstantLiteral: String {
        "\(description)-01 00:00:00+00"
    }

    /// Earlier months sort first.
    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        lhs.monthsSinceYearZero < rhs.monthsSinceYearZero
    }

    /// Decodes `YYYY-MM` from a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a month as YYYY-MM (e.g. 2026-01), got \"\(text)\"")
        }
        self = value
    }

    /// Encodes as the string `YYYY-MM`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension YearMonth {
    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
    /// Low-Level Date Algorithms", days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian year and month of a day counted from 1970-01-01
    /// (H. Hinnant, civil_from_days).
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month)
    }

    /// The decimal value of ASCII digits, nil if any byte is not a digit.
    static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `value` in decimal, zero-padded on the left to `width` digits (a minus sign first).
    static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }
}

extension BinaryInteger {
    /// Division rounding toward negative infinity.
    fileprivate func floorDivided(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The remainder of ``floorDivided(by:)``: same sign as `divisor`.
    fileprivate func floorModulo(_ divisor: Self) -> Self {
        self - floorDivided(by: divisor) * divisor
    }
}
