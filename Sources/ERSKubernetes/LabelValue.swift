import ERSModel

/// Kubernetes label value rules (API reference, "Labels and Selectors", syntax and character
/// set): at most 63 characters, `[A-Za-z0-9._-]`, starting and ending alphanumeric.
enum LabelValue {
    /// The longest label value.
    static let maximumLength = 63

    /// Whether `text` is a valid, non-empty label value (ERSModel's
    /// `KubernetesNameRules.labelValueProblems`, the API server's `IsLabelValue`).
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && KubernetesNameRules.labelValueProblems(text).isEmpty
    }

    /// `text` made into a valid label value: characters outside the set become `-`, the text
    /// is cut to 63 characters, and non-alphanumerics are trimmed from both ends. Empty when
    /// nothing alphanumeric is left.
    static func sanitized(_ text: String) -> String {
        var bytes = text.utf8.map { isAllowed($0) ? $0 : UInt8(ascii: "-") }
        if bytes.count > maximumLength { bytes.removeLast(bytes.count - maximumLength) }
        while let last = bytes.last, !isAlphanumeric(last) { bytes.removeLast() }
        while let first = bytes.first, !isAlphanumeric(first) { bytes.removeFirst() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `[A-Za-z0-9]`.
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// `[A-Za-z0-9._-]`.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
}
