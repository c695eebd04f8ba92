/// Splits a SQL script into its statements at the semicolons that end them, as `psql` does:
/// a `;` inside a `--` or (nested) `/* */` comment, a '…' or E'…' string, a "…" identifier or
/// a dollar-quoted body (`$check$ … $check$`, `$$ … $$`) does not end a statement.
///
/// For the migration runner: a file marked non-transactional runs statement by statement,
/// and drivers using the extended query protocol (postgres-nio's `query`) take one statement
/// at a time. Source: PostgreSQL docs 4.1 "Lexical Structure" (4.1.2.4 dollar quoting,
/// 4.1.5 comments).
public enum SQLStatementSplitter {
    /// The statements of `script` in order, each without its terminating `;` and trimmed of
    /// surrounding blanks; comments inside a statement are kept, and a part holding only
    /// comments and blanks is left out. An unterminated last statement is returned as is.
    public static func statements(in script: String) -> [String] {
        let bytes = Array(script.utf8)
        var statements: [String] = []
        var start: Int?  // the first byte of the current statement that is not blank or comment
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") && next(bytes, index) == UInt8(ascii: "-") {
                index = skipLineComment(bytes, from: index)
            } else if byte == UInt8(ascii: "/") && next(bytes, index) == UInt8(ascii: "*") {
                index = skipBlockComment(bytes, from: index)
            } else if byte == UInt8(ascii: ";") {
                if let first = start { statements.append(trimmed(bytes[first..<index])) }
                start = nil
                index += 1
            } else if isBlank(byte) {
                index += 1
            } else {
                if start == nil { start = index }
                index = skipToken(bytes, from: index)
            }
        }
        if let first = start { statements.append(trimmed(bytes[first..<bytes.count])) }
        return statements
    }

    /// Index after the quoted literal, quoted identifier or dollar-quoted string starting at
    /// `index`, or after the single byte there when it opens none.
    static func skipToken(_ bytes: [UInt8], from index: Int) -> Int {
        let byte = bytes[index]
        if byte == UInt8(ascii: "'") {
            let escapes = index > 0 && (bytes[index - 1] | 0x20) == UInt8(ascii: "e") && !(index > 1 && isIdentifierByte(bytes[index - 2]))
            return skipQuoted(bytes, from: index, quote: byte, backslashEscapes: escapes)
        }
        if byte == UInt8(ascii: "\"") {
            return skipQuoted(bytes, from: index, quote: byte, backslashEscapes: false)
        }
        if byte == UInt8(ascii: "$"), let end = skipDollarQuoted(bytes, from: index) {
            return end
        }
        return index + 1
    }

    /// The byte after `index`, if any.
    static func next(_ bytes: [UInt8], _ index: Int) -> UInt8? {
        index + 1 < bytes.count ? bytes[index + 1] : nil
    }

    /// Index after the end of the line of the `--` comment at `index`.
    static func skipLineComment(_ bytes: [UInt8], from index: Int) -> Int {
        var position = index
        while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
        return position
    }

    /// Index after the (possibly nested) `/* */` comment at `index`.
    static func skipBlockComment(_ bytes: [UInt8], from index: Int) -> Int {
        var depth = 0
        var position = index
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "/") && next(bytes, position) == UInt8(ascii: "*") {
                depth += 1
                position += 2
            } else if bytes[position] == UInt8(ascii: "*") && next(bytes, position) == UInt8(ascii: "/") {
                depth -= 1
                position += 2
                if depth == 0 { return position }
            } else {
                position += 1
            }
        }
        return position
    }

    /// Index after the literal or quoted identifier opened by `quote` at `index` (a doubled
    /// quote stays inside; with `backslashEscapes`, so does a backslash-escaped one).
    static func skipQuoted(_ bytes: [UInt8], from index: Int, quote: UInt8, backslashEscapes: Bool) -> Int {
        var position = index + 1
        while position < bytes.count {
            let byte = bytes[position]
            if backslashEscapes && byte == UInt8(ascii: "\\") {
                position += 2
            } else if byte == quote {
                if next(bytes, position) == quote { position += 2 } else { return position + 1 }
            } else {
                position += 1
            }
        }
        return position
    }

    /// Index after the dollar-quoted string opened at `index` (`$tag$ … $tag$`), or nil when
    /// the `$` opens none (a parameter `$1`, or a `$` inside an identifier).
    static func skipDollarQuoted(_ bytes: [UInt8], from index: Int) -> Int? {
        if index > 0 && isIdentifierByte(bytes[index - 1]) { return nil }
        var position = index + 1
        while position < bytes.count && bytes[position] != UInt8(ascii: "$") {
            let byte = bytes[position]
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isIdentifierByte(byte) && byte != UInt8(ascii: "$") && !(position == index + 1 && isDigit) else { return nil }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let delimiter = Array(bytes[index...position])
        var search = position + 1
        while search + delimiter.count <= bytes.count {
            if bytes[search] == UInt8(ascii: "$") && Array(bytes[search..<(search + delimiter.count)]) == delimiter {
                return search + delimiter.count
            }
            search += 1
        }
        return bytes.count
    }

    /// Letters, digits, `_`, `$` and any non-ASCII byte.
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
    }

    /// Space, tab, newline, carriage return.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// `bytes` as text without leading and trailing blanks.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        while let first = slice.first, isBlank(first) { slice = slice.dropFirst() }
        while let last = slice.last, isBlank(last) { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
