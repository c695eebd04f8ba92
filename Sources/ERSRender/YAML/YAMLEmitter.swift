/// Builds YAML text into one UTF-8 byte buffer: the node structure. Scalars are in
/// `YAMLEmitter+Scalars.swift`.
struct YAMLEmitter {
    /// The output so far.
    var bytes: [UInt8]

    /// An emitter whose buffer has room for `capacity` bytes.
    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The output as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Writes `value` as a whole document, ending with a newline.
    mutating func writeDocument(_ value: YAMLValue) {
        switch value {
        case .mapping(let mapping) where !mapping.isEmpty:
            writeMapping(mapping, indent: 0, startsLine: true)
        case .sequence(let items) where !items.isEmpty:
            writeSequence(items, indent: 0, startsLine: true)
        case .string(let text):
            writeString(text, in: .root, indent: 0)
        default:
            writeScalar(value)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// Writes the entries of a non-empty mapping at column `indent`. When `startsLine` is
    /// false, the first entry continues the current line (after a sequence's `- `).
    private mutating func writeMapping(_ mapping: YAMLMapping, indent: Int, startsLine: Bool) {
        var startsLine = startsLine
        for (key, value) in mapping.entries {
            if startsLine { writeSpaces(indent) }
            startsLine = true
            writeKey(key, indent: indent)
            writeEntryValue(value, indent: indent)
        }
    }

    /// Writes `key` and its `:`: an implicit key when short enough for every reader (they
    /// allow 1024 characters), else an explicit `? key` line followed by `:`.
    private mutating func writeKey(_ key: String, indent: Int) {
        let start = bytes.count
        writeKeyString(key)
        if bytes.count - start > 1000 {
            bytes.removeSubrange(start...)
            writeASCII("? ")
            writeKeyString(key)
            bytes.append(UInt8(ascii: "\n"))
            writeSpaces(indent)
        }
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes what follows a key's `:` — on the same line for scalars and empty collections,
    /// on the next lines for others; a sequence stays at the key's column.
    private mutating func writeEntryValue(_ value: YAMLValue, indent: Int) {
        switch value {
        case .mapping(let mapping) where !mapping.isEmpty:
            bytes.append(UInt8(ascii: "\n"))
            writeMapping(mapping, indent: indent + 2, startsLine: true)
        case .sequence(let items) where !items.isEmpty:
            bytes.append(UInt8(ascii: "\n"))
            writeSequence(items, indent: indent, startsLine: true)
        case .string(let text):
            bytes.append(UInt8(ascii: " "))
            writeString(text, in: .value, indent: indent)
        default:
            bytes.append(UInt8(ascii: " "))
            writeScalar(value)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// Writes the items of a non-empty sequence, their `- ` at column `indent`. Collections
    /// inside start on the item's line (`- name: x`, `- - a`).
    private mutating func writeSequence(_ items: [YAMLValue], indent: Int, startsLine: Bool) {
        var startsLine = startsLine
        for item in items {
            if startsLine { writeSpaces(indent) }
            startsLine = true
            writeASCII("- ")
            switch item {
            case .mapping(let mapping) where !mapping.isEmpty:
                writeMapping(mapping, indent: indent + 2, startsLine: false)
            case .sequence(let nested) where !nested.isEmpty:
                writeSequence(nested, indent: indent + 2, startsLine: false)
            case .string(let text):
                writeString(text, in: .value, indent: indent)
            default:
                writeScalar(item)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// Appends `count` spaces.
    mutating func writeSpaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// Appends ASCII (or any UTF-8) text as it is.
    mutating func writeASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
