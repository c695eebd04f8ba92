/// A host's labels: key/value pairs as Kubernetes labels are written
/// (Kubernetes "Labels and Selectors": a key is an optional DNS-subdomain prefix and `/`, then
/// a name of at most 63 bytes; a value is at most 63 bytes; both alphanumeric at the ends with
/// `-`, `_`, `.` inside). Stored as a JSON object in `hosts.labels`.
public struct Labels: Hashable, Sendable {
    /// The pairs, by key.
    public let values: [String: String]

    /// Validates every pair.
    /// - Throws: ``LabelError`` naming the first bad key or value.
    public init(_ values: [String: String]) throws(LabelError) {
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            try Self.checkKey(key)
            try Self.checkValue(value, key: key)
        }
        self.values = values
    }

    /// No labels.
    public static let empty = Labels(unchecked: [:])

    init(unchecked values: [String: String]) { self.values = values }

    static func checkKey(_ key: String) throws(LabelError) {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let name = parts.last else { throw LabelError("label key \"\(key)\" has more than one '/'") }
        if parts.count == 2 {
            let prefix = String(parts[0])
            if prefix.isEmpty || prefix.utf8.count > 253 || (try? HostAddress(prefix))?.kind != .dnsName {
                throw LabelError("label key \"\(key)\": the prefix before '/' must be a DNS subdomain (example.com)")
            }
        }
        if name.isEmpty || !isSegment(Substring(name)) {
            throw LabelError("label key \"\(key)\": the name must be 1–63 bytes of letters, digits, '-', '_' or '.', beginning and ending with a letter or digit")
        }
    }

    static func checkValue(_ value: String, key: String) throws(LabelError) {
        if !value.isEmpty && !isSegment(Substring(value)) {
            throw LabelError("label \(key): value \"\(value)\" must be at most 63 bytes of letters, digits, '-', '_' or '.', beginning and ending with a letter or digit")
        }
    }

    static func isSegment(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
        func alnum(_ b: UInt8) -> Bool { HostAddress.isLabelByte(b) && b != UInt8(ascii: "-") }
        return alnum(first) && alnum(last)
            && bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }
}

/// A label key, value or selector that breaks Kubernetes' label syntax; `description` says which rule.
public struct LabelError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
