extension YAMLScalarStyle {
    /// The style for the UTF-8 bytes `bytes`, decided in one scan.
    ///
    /// Plain only when no reader could take the text for anything but this string: not
    /// empty, no leading or trailing space, no indicator first, no `: ` or ` #` inside, no
    /// trailing `:`, no tab, line break or character that needs an escape, not a YAML 1.1
    /// bool or null word in any case, not `<<`, `=`, or a document marker, and — when it
    /// starts with a digit, `+` or `.` — not made only of characters a number or timestamp
    /// can contain in YAML 1.1, 1.2, go-yaml or Psych. Over-quoting is harmless; the rules
    /// err that way.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>, in position: Position) {
        let count = bytes.count
        guard count > 0 else {
            self = .doubleQuoted
            return
        }
        var plain = YAMLScalarStyle.mayStartPlain(bytes[0])
        var needsEscape = false
        var hasLineBreak = false
        // Only text that starts like a number needs its characters checked against numbers.
        var onlyNumberCharacters = YAMLScalarStyle.mayStartNumber(bytes[0])
        var previous: UInt8 = 0
        var index = 0
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                hasLineBreak = true
                plain = false
            case 0x09:
                plain = false
            case 0x00..<0x20, 0x7F:
                needsEscape = true
            case UInt8(ascii: ":"):
                if index + 1 == count || bytes[index + 1] == UInt8(ascii: " ") { plain = false }
            case UInt8(ascii: "#"):
                if previous == UInt8(ascii: " ") { plain = false }
            case 0xC2, 0xE2, 0xEF:
                if YAMLScalarStyle.startsEscapedCharacter(bytes, at: index) { needsEscape = true }
            default:
                break
            }
            if onlyNumberCharacters && !YAMLScalarStyle.mayOccurInNumber(byte) {
                onlyNumberCharacters = false
            }
            previous = byte
            index += 1
        }
        if needsEscape {
            self = .doubleQuoted
        } else if hasLineBreak {
            self = YAMLScalarStyle.multiLine(bytes, in: position)
        } else if plain && previous != UInt8(ascii: " ")
            && !onlyNumberCharacters
            && !YAMLScalarStyle.isReservedWord(bytes)
        {
            self = .plain
        } else {
            self = .doubleQuoted
        }
    }

    /// The style for text with a line break and nothing that needs an escape.
    private static func multiLine(_ bytes: UnsafeBufferPointer<UInt8>, in position: Position) -> YAMLScalarStyle {
        let lineFeed = UInt8(ascii: "\n")
        var trailingBreaks = 0
        while trailingBreaks < bytes.count && bytes[bytes.count - 1 - trailingBreaks] == lineFeed {
            trailingBreaks += 1
        }
        // Text of line breaks only has no content line to hang a literal block on.
        guard position != .key, trailingBreaks < bytes.count else { return .doubleQuoted }
        let chomping: Chomping = trailingBreaks == 0 ? .strip : trailingBreaks == 1 ? .clip : .keep
        let first = bytes[0]
        let indicator = first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || first == lineFeed
        if indicator && position == .root { return .doubleQuoted }
        return .literal(chomping: chomping, indentationIndicator: indicator)
    }

    /// Whether a plain scalar may start with `byte`: not a space, not an indicator
    /// (`-?:,[]{}#&*!|>'"%@` and backtick; `-`, `?` and `:` are refused even when a
    /// non-space follows).
    private static func mayStartPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"),
            UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
            UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            false
        default:
            true
        }
    }

    /// Whether text starting with `byte` could be a number or timestamp in some reader.
    /// (`-` is an indicator and refused anyway.)
    private static func mayStartNumber(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// Whether `byte` can occur in a number or timestamp of any schema: digits, signs, `.`,
    /// `_`, `,` (Psych), `:` (sexagesimal), exponent, radix prefixes, hex digits, `inf` and
    /// `nan`, the timestamp's `T`, `Z` and space. Text made only of these is quoted.
    private static func mayOccurInNumber(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {  // ASCII lower case; maps no other byte into the ranges below
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "o"), UInt8(ascii: "p"),
            UInt8(ascii: "t"), UInt8(ascii: "x"), UInt8(ascii: "z"):
            byte >= UInt8(ascii: "0")
        default:
            switch byte {
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: " "):
                true
            default:
                false
            }
        }
    }

    /// Whether the whole text is a word some reader gives a meaning: the YAML 1.1 bools and
    /// nulls in any letter case (`y`, `No`, `oN`, `NULL`, `~`), the merge key `<<`, the value
    /// key `=`, or starts like the document end marker `...`.
    private static func isReservedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        if count >= 3 && bytes[0] == UInt8(ascii: ".") && bytes[1] == UInt8(ascii: ".")
            && bytes[2] == UInt8(ascii: ".")
        {
            return true
        }
        guard count <= 5 else { return false }
        var word: UInt64 = 0
        for byte in bytes {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            word = word << 8 | UInt64(lower)
        }
        return reservedWords.contains(word)
    }

    /// The reserved words, packed big-endian into integers as ``isReservedWord(_:)`` packs.
    private static let reservedWords: [UInt64] = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "<<", "=",
    ].map { word in word.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

    /// Whether the UTF-8 sequence at `index` is a character a YAML reader does not take raw:
    /// C1 controls (including NEL, a line break in YAML 1.1), the line and paragraph
    /// separators, the byte order mark, and the non-characters U+FFFE and U+FFFF.
    static func startsEscapedCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let second = bytes[index + 1]
        switch bytes[index] {
        case 0xC2:
            return second >= 0x80 && second <= 0x9F
        case 0xE2, 0xEF:
            guard index + 2 < bytes.count else { return false }
            let third = bytes[index + 2]
            if bytes[index] == 0xE2 { return second == 0x80 && (third == 0xA8 || third == 0xA9) }
            return (second == 0xBB && third == 0xBF) || (second == 0xBF && third >= 0xBE)
        default:
            return false
        }
    }
}
