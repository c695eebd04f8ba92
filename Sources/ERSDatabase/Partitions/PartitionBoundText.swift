import ERSModel

/// Reads the range of a partition from its bound as `pg_get_expr(relpartbound, 0)` prints it
/// in a session whose `TimeZone` is UTC — `FOR VALUES FROM ('2026-01-01 00:00:00+00') TO
/// ('2026-02-01 00:00:00+00')`, `MINVALUE`/`MAXVALUE`, `'-infinity'`/`'infinity'` — without a
/// round trip to the server (parsing there costs more than the rest of the catalog read).
/// What it does not know (years past 9999, BC dates) is left to the server.
enum PartitionBoundText {
    /// The bound's `[lower, upper)` in seconds since 1970-01-01 UTC (`±infinity` for
    /// MINVALUE/MAXVALUE and infinite timestamps), or the literals it could not read.
    enum Bounds: Equatable {
        /// Both ends read.
        case seconds(lower: Double, upper: Double)
        /// One end or both need the server: the literal text of each end (nil for an end
        /// that was read) and the ends that were.
        case needsServer(lower: String?, upper: String?, known: (lower: Double?, upper: Double?))

        static func == (lhs: Bounds, rhs: Bounds) -> Bool {
            switch (lhs, rhs) {
            case let (.seconds(a, b), .seconds(c, d)): a == c && b == d
            case let (.needsServer(a, b, x), .needsServer(c, d, y)): a == c && b == d && x.lower == y.lower && x.upper == y.upper
            default: false
            }
        }
    }

    /// The range of a range bound; nil for `DEFAULT` or text of another shape.
    static func range(of bound: String) -> Bounds? {
        guard bound.hasPrefix("FOR VALUES FROM ("), let toRange = bound.range(of: ") TO (") else { return nil }
        let lowerText = bound[bound.index(bound.startIndex, offsetBy: 17)..<toRange.lowerBound]
        guard bound.hasSuffix(")") else { return nil }
        let upperText = bound[toRange.upperBound..<bound.index(before: bound.endIndex)]
        let lower = end(String(lowerText), infinite: -.infinity, keyword: "MINVALUE")
        let upper = end(String(upperText), infinite: .infinity, keyword: "MAXVALUE")
        switch (lower, upper) {
        case let (.value(l), .value(u)): return .seconds(lower: l, upper: u)
        case (.unknown(let l), .value(let u)): return .needsServer(lower: l, upper: nil, known: (nil, u))
        case (.value(let l), .unknown(let u)): return .needsServer(lower: nil, upper: u, known: (l, nil))
        case let (.unknown(l), .unknown(u)): return .needsServer(lower: l, upper: u, known: (nil, nil))
        }
    }

    /// One end read, or the literal the server must read.
    enum End {
        case value(Double)
        case unknown(String)
    }

    /// `MINVALUE`/`MAXVALUE`, or a quoted timestamp literal.
    static func end(_ text: String, infinite: Double, keyword: String) -> End {
        if text == keyword { return .value(infinite) }
        guard text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") else { return .unknown(text) }
        let literal = String(text.dropFirst().dropLast())
        if literal == "infinity" { return .value(.infinity) }
        if literal == "-infinity" { return .value(-.infinity) }
        return seconds(of: literal).map(End.value) ?? .unknown(literal)
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff]+00` as seconds since 1970; nil for anything else.
    static func seconds(of literal: String) -> Double? {
        let bytes = Array(literal.utf8)
        guard bytes.count >= 22, bytes.suffix(3) == Array("+00".utf8) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, " "), (13, ":"), (16, ":")]
        guard separators.allSatisfy({ bytes[$0.0] == $0.1.asciiValue }) else { return nil }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return nil }
        guard year >= 1, (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        guard let yearMonth = YearMonth(year: year, month: month) else { return nil }
        var fraction = 0.0
        let end = bytes.count - 3
        if end > 19 {
            guard bytes[19] == UInt8(ascii: "."), end - 20 <= 6, let digits = number(20..<end) else { return nil }
            var scale = 1.0
            for _ in 20..<end { scale *= 10 }
            fraction = Double(digits) / scale
        } else if end != 19 {
            return nil
        }
        let dayStart: Int64 = yearMonth.firstInstantUnixTime + Int64(day - 1) * 86_400
        let whole: Int64 = dayStart + Int64(hour * 3600 + minute * 60 + second)
        return Double(whole) + fraction
    }
}
