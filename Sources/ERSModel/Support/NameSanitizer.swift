/// Turns an invalid name into a close valid one, for the "(e.g. '…')" part of messages.
enum NameSanitizer {
    /// Replaces each run of characters that `allowed` rejects by one `replacement`, lower-cases
    /// when asked (splitting `AuthService` into `auth` + replacement + `service`), trims from
    /// both ends what `edge` rejects, and shortens to `maxLength`. May return "".
    static func sanitize(
        _ value: String,
        lowercase: Bool,
        maxLength: Int,
        replacement: UInt8 = UInt8(ascii: "-"),
        allowed: (UInt8) -> Bool,
        edge: (UInt8) -> Bool
    ) -> String {
        var output: [UInt8] = []
        var previous: UInt8?
        for byte in value.utf8 {
            var character = byte
            if lowercase, character.isASCIIUppercaseLetter {
                if let previous, previous.isASCIILowercaseLetter || previous.isASCIIDigit {
                    append(replacement, to: &output, replacement: replacement)
                }
                character = character.asciiLowercased
            }
            append(allowed(character) ? character : replacement, to: &output, replacement: replacement)
            previous = byte
        }
        output = trimmed(output, keeping: edge)
        if output.count > maxLength {
            output = trimmed(Array(output.prefix(maxLength)), keeping: edge)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func append(_ byte: UInt8, to output: inout [UInt8], replacement: UInt8) {
        if byte == replacement, output.last == replacement { return }
        output.append(byte)
    }

    private static func trimmed(_ bytes: [UInt8], keeping edge: (UInt8) -> Bool) -> [UInt8] {
        guard let start = bytes.firstIndex(where: edge), let end = bytes.lastIndex(where: edge) else { return [] }
        return Array(bytes[start...end])
    }
}
