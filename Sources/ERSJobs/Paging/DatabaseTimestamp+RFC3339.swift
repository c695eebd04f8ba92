extension DatabaseTimestamp {
    /// Parses an RFC 3339 `date-time` (RFC 3339 §5.6): `2026-03-01T12:00:00Z`,
    /// `2026-03-01T12:00:00.123456+02:00`; `t`, `z` and a space for `T` are accepted. Fraction
    /// digits after the sixth are dropped (PostgreSQL keeps microseconds). Years 0001–9999.
    /// - Throws: ``TimestampSyntaxError`` saying what is wrong and showing the expected form.
    public init(rfc3339 text: String) throws(TimestampSyntaxError) {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ count: Int, _ what: String) throws(TimestampSyntaxError) -> Int64 {
            guard index + count <= bytes.count else { throw TimestampSyntaxError(text, "ends before the \(what)") }
            var value: Int64 = 0
            for byte in bytes[index..<(index + count)] {
                guard byte >= 0x30, byte <= 0x39 else { throw TimestampSyntaxError(text, "the \(what) must be \(count) digits") }
                value = value * 10 + Int64(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ characters: String, _ what: String) throws(TimestampSyntaxError) {
            guard index < bytes.count, characters.utf8.contains(bytes[index]) else {
                throw TimestampSyntaxError(text, "expected \(what) at position \(index + 1)")
            }
            index += 1
        }
        let year = try number(4, "year"); try expect("-", "'-'")
        let month = try number(2, "month"); try expect("-", "'-'")
        let day = try number(2, "day"); try expect("Tt ", "'T' between date and time")
        let hour = try number(2, "hour"); try expect(":", "':'")
        let minute = try number(2, "minute"); try expect(":", "':'")
        let second = try number(2, "second")
        var micros: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if digits < 6 { micros = micros * 10 + Int64(bytes[index] - 0x30) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { throw TimestampSyntaxError(text, "has a '.' without fraction digits") }
            for _ in min(digits, 6)..<6 { micros *= 10 }
        }
        var offsetSeconds: Int64 = 0
        guard index < bytes.count else { throw TimestampSyntaxError(text, "has no time zone: end it with Z (UTC) or an offset such as +02:00") }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            index += 1
        } else {
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            try expect("+-", "Z or an offset (+02:00)")
            let offsetHour = try number(2, "offset hours"); try expect(":", "':' in the offset")
            let offsetMinute = try number(2, "offset minutes")
            guard offsetHour <= 23, offsetMinute <= 59 else { throw TimestampSyntaxError(text, "has an offset out of range") }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        }
        guard index == bytes.count else { throw TimestampSyntaxError(text, "has extra characters at position \(index + 1)") }
        guard (1...9999).contains(year), (1...12).contains(month) else { throw TimestampSyntaxError(text, "has a year or month out of range") }
        guard day >= 1, day <= Self.daysInMonth(year: year, month: month) else { throw TimestampSyntaxError(text, "has no such day in that month") }
        guard hour <= 23, minute <= 59, second <= 59 else { throw TimestampSyntaxError(text, "has a time out of range (leap seconds are not accepted)") }
        let seconds = Self.daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        self.init(unixMicroseconds: seconds * 1_000_000 + micros)
    }

    /// RFC 3339 in UTC with six fraction digits: `2026-03-01T12:00:00.000000Z`.
    public var rfc3339: String {
        let micros = unixMicroseconds
        var seconds = micros / 1_000_000, fraction = micros % 1_000_000
        if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
        var days = seconds / 86_400, rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let (year, month, day) = Self.civil(fromDays: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2)).\(pad(fraction, 6))Z"
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
    /// Low-Level Date Algorithms", days_from_civil).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysFromCivil(year:month:day:)`` (civil_from_days).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A text that is not an RFC 3339 `date-time`; `description` quotes it, says why and shows
/// the accepted form.
public struct TimestampSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rejected text (at most 64 characters kept).
    public let text: String
    /// What is wrong.
    public let reason: String

    init(_ text: String, _ reason: String) {
        self.text = String(text.prefix(64))
        self.reason = reason
    }

    public var description: String {
        "\"\(text)\" is not an RFC 3339 timestamp: \(reason); write e.g. 2026-03-01T00:00:00Z or 2026-03-01T12:30:00.5+02:00"
    }
}
