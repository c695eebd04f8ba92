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

    /// The range of a range bound; nil for `DEFAULT` or text of another shape. Works on the
    /// UTF-8 bytes: a daily run reads every partition's bound, and character-wise `String`
    /// searching cost more than the catalog query's parsing on the server.
    static func range(of bound: String) -> Bounds? {
        let bytes = Array(bound.utf8)
        let prefix = Array("FOR VALUES FROM (".utf8)
        let separator = Array(") TO (".utf8)
        guard bytes.count > prefix.count + separator.count, bytes.starts(with: prefix),
              bytes.last == UInt8(ascii: ")") else { return nil }
        var split: Int?
        var index = prefix.count
        while index + separator.count <= bytes.count - 1 {
            if bytes[index] == separator[0], bytes[index..<(index + separator.count)].elementsEqual(separator) {
                split = index
                break
            }
            index += 1
        }
        guard let split else { return nil }
        let lower = end(bytes[prefix.count..<split], infinite: -.infinity, keyword: "MINVALUE")
        let upper = end(bytes[(split + separator.count)..<(bytes.count - 1)], infinite: .infinity, keyword: "MAXVALUE")
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

    /// `MINVALUE`/`MAXVALUE`, or a quoted timestamp literal (`text`: UTF-8 bytes).
    static func end(_ text: ArraySlice<UInt8>, infinite: Double, keyword: String) -> End {
        if text.elementsEqual(keyword.utf8) { return .value(infinite) }
        let quote = UInt8(ascii: "'")
        guard text.count >= 2, text.first == quote, text.last == quote else { return .unknown(String(decoding: text, as: UTF8.self)) }
        let literal = text.dropFirst().dropLast()
        if literal.elementsEqual("infinity".utf8) { return .value(.infinity) }
        if literal.elementsEqual("-infinity".utf8) { return .value(-.infinity) }
        return seconds(of: Array(literal)).map(End.value) ?? .unknown(String(decoding: literal, as: UTF8.self))
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff]+00` as seconds since 1970; nil for anything else.
    static func seconds(of literal: String) -> Double? { seconds(of: Array(literal.utf8)) }

    /// ``seconds(of:)-(String)`` on UTF-8 bytes.
    static func seconds(of bytes: [UInt8]) -> Double? {
        guard bytes.count >= 22, bytes[bytes.count - 3] == UInt8(ascii: "+"), bytes[bytes.count - 2] == UInt8(ascii: "0"),
              bytes[bytes.count - 1] == UInt8(ascii: "0") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
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
