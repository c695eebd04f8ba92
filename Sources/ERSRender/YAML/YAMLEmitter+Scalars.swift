extension YAMLEmitter {
    /// Writes a scalar other than a string, or an empty collection, on the current line.
    mutating func writeScalar(_ value: YAMLValue) {
        switch value {
        case .int(let number): writeInt(number)
        case .bool(let flag): flag ? writeASCII("true") : writeASCII("false")
        case .null: writeASCII("null")
        case .sequence: writeASCII("[]")
        case .mapping: writeASCII("{}")
        case .string(let text): writeKeyString(text)  // one line; callers route strings elsewhere
        }
    }

    /// Writes a mapping key on the current line: plain or double-quoted.
    mutating func writeKeyString(_ key: String) {
        var key = key
        key.withUTF8 { utf8 in
            if YAMLScalarStyle(utf8: utf8, in: .key) == .plain {
                bytes.append(contentsOf: utf8)
            } else {
                writeDoubleQuoted(utf8)
            }
        }
    }

    /// Writes a string value and ends its line; a literal block's lines are indented two
    /// spaces past `indent`, the column of the key or of the sequence's `-`.
    mutating func writeString(_ text: String, in position: YAMLScalarStyle.Position, indent: Int) {
        var text = text
        text.withUTF8 { utf8 in
            switch YAMLScalarStyle(utf8: utf8, in: position) {
            case .plain:
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\n"))
            case .doubleQuoted:
                writeDoubleQuoted(utf8)
                bytes.append(UInt8(ascii: "\n"))
            case .literal(let chomping, let indicator):
                writeLiteral(utf8, chomping: chomping, indentationIndicator: indicator, indent: indent + 2)
            }
        }
    }

    /// Writes a literal block scalar: its header, then each line at `indent` (empty lines
    /// stay empty), ending with a newline.
    private mutating func writeLiteral(
        _ utf8: UnsafeBufferPointer<UInt8>,
        chomping: YAMLScalarStyle.Chomping,
        indentationIndicator: Bool,
        indent: Int
    ) {
        bytes.append(UInt8(ascii: "|"))
        if indentationIndicator { bytes.append(UInt8(ascii: "2")) }
        switch chomping {
        case .strip: bytes.append(UInt8(ascii: "-"))
        case .clip: break
        case .keep: bytes.append(UInt8(ascii: "+"))
        }
        bytes.append(UInt8(ascii: "\n"))
        let lineFeed = UInt8(ascii: "\n")
        var atLineStart = true
        for byte in utf8 {
            if byte == lineFeed {
                atLineStart = true
            } else if atLineStart {
                writeSpaces(indent)
                atLineStart = false
            }
            bytes.append(byte)
        }
        if chomping == .strip { bytes.append(lineFeed) }
    }

    /// Writes a double-quoted scalar on one line. `"` and `\` are escaped, so are line
    /// breaks, tabs and other C0 controls, DEL, C1 controls, U+2028, U+2029, U+FEFF, U+FFFE
    /// and U+FFFF; all other characters are written as UTF-8.
    private mutating func writeDoubleQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): writeASCII("\\\"")
            case UInt8(ascii: "\\"): writeASCII("\\\\")
            case UInt8(ascii: "\n"): writeASCII("\\n")
            case UInt8(ascii: "\t"): writeASCII("\\t")
            case UInt8(ascii: "\r"): writeASCII("\\r")
            case 0x00: writeASCII("\\0")
            case 0x01..<0x20, 0x7F:
                writeEscape("\\x", UInt32(byte), digits: 2)
            case 0xC2, 0xE2, 0xEF:
                if !YAMLScalarStyle.startsEscapedCharacter(utf8, at: index) {
                    bytes.append(byte)
                } else if byte == 0xC2 {
                    writeEscape("\\x", UInt32(utf8[index + 1]), digits: 2)
                    index += 1
                } else {
                    let scalar = UInt32(byte & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6
                        | UInt32(utf8[index + 2] & 0x3F)
                    writeEscape("\\u", scalar, digits: 4)
                    index += 2
                }
            default:
                bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `prefix` and `value` as `digits` upper-case hex digits.
    private mutating func writeEscape(_ prefix: StaticString, _ value: UInt32, digits: Int) {
        writeASCII(prefix)
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = UInt8((value >> UInt32(shift)) & 0xF)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10)
        }
    }

    /// Writes `number` in decimal.
    private mutating func writeInt(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }
}
