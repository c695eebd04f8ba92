/// Plain scalars that a YAML 1.1 reader (PyYAML, go-yaml v2 as used by kubectl, Yams' default
/// resolver) reads as something other than the string written. The spec loader refuses them
/// where a string or an integer is expected, with a hint to quote or rewrite them.
enum YAML11Traps {
    /// Booleans in YAML 1.1: `y`, `yes`, `on`, `true` and their negations, in the three cases.
    static let booleanWords: Set<String> = {
        let words = ["y", "yes", "n", "no", "true", "false", "on", "off"]
        var all: Set<String> = []
        for word in words {
            all.insert(word)
            all.insert(word.uppercased())
            all.insert(word.prefix(1).uppercased() + word.dropFirst())
        }
        return all
    }()

    /// What a YAML 1.1 reader would make of plain `text` if it is not a string, e.g. "the boolean false".
    static func misreading(of text: String) -> String? {
        if booleanWords.contains(text) {
            let truthy = ["y", "yes", "true", "on"].contains(text.lowercased())
            return "the boolean \(truthy)"
        }
        return nil
    }

    /// Whether `text` is a plain decimal integer as YAML 1.2 and 1.1 both read it: an optional
    /// sign and digits, no leading zero (YAML 1.1 reads `0123` as octal 83).
    static func decimalInteger(_ text: String) -> Int? {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if digits.count > 1, digits.first == "0" { return nil }
        return Int(text)
    }
}
