#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A host's name or network address as ERS stores it and hands it to ssh or an HTTP client:
/// a DNS name (RFC 1123 §2.1: dot-separated labels of letters, digits and `-`, each 1–63
/// bytes, not beginning or ending with `-`; 253 bytes at most) or an IPv4 / IPv6 literal
/// (`inet_pton(3)`, without brackets or zone).
///
/// By construction the text never begins with `-`, so it can never be read as an option by
/// ssh or any other command (the SSH collector still puts `--` before it).
public struct HostAddress: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// What the address is.
    public enum Kind: String, Sendable { case dnsName, ipv4, ipv6 }

    /// The validated text (DNS names as given; case is kept, comparisons by callers).
    public let text: String
    /// DNS name, IPv4 or IPv6 literal.
    public let kind: Kind

    /// Validates `text`.
    /// - Throws: ``HostAddressError`` saying which rule `text` breaks.
    public init(_ text: String) throws(HostAddressError) {
        if text.isEmpty { throw HostAddressError(text, "is empty; give a DNS name (db-1.example.com) or an IP address") }
        if text.hasPrefix("-") { throw HostAddressError(text, "begins with '-' (it would be read as a command-line option); a DNS name or IP address never does") }
        if Self.isIPv4(text) { self.text = text; kind = .ipv4; return }
        if text.contains(":") {
            guard Self.isIPv6(text) else { throw HostAddressError(text, "is not a valid IPv6 address (give it without brackets or zone, e.g. 2001:db8::1)") }
            self.text = text; kind = .ipv6; return
        }
        try Self.checkDNSName(text)
        self.text = text
        kind = .dnsName
    }

    public var description: String { text }
    public static func < (lhs: HostAddress, rhs: HostAddress) -> Bool { lhs.text < rhs.text }

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return text.withCString { inet_pton(AF_INET, $0, &address) } == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return text.withCString { inet_pton(AF_INET6, $0, &address) } == 1
    }

    static func checkDNSName(_ text: String) throws(HostAddressError) {
        let bytes = Array(text.utf8)
        if bytes.count > 253 { throw HostAddressError(text, "is \(bytes.count) bytes long; a DNS name has at most 253 (RFC 1123)") }
        for label in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            if label.isEmpty { throw HostAddressError(text, "has an empty label (two dots in a row, or a leading or trailing dot)") }
            if label.count > 63 { throw HostAddressError(text, "has a label of \(label.count) bytes; at most 63 (RFC 1035 §2.3.4)") }
            if label.first == UInt8(ascii: "-") || label.last == UInt8(ascii: "-") {
                throw HostAddressError(text, "has a label that begins or ends with '-' (RFC 1123 §2.1)")
            }
            for byte in label where !Self.isLabelByte(byte) {
                throw HostAddressError(text, "contains \(Self.show(byte)); a DNS name has only letters, digits, '-' and '.'")
            }
        }
        if bytes.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }) {
            throw HostAddressError(text, "looks like an IPv4 address but is not a valid one (four numbers 0–255)")
        }
    }

    static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): true
        default: false
        }
    }

    static func show(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7f ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}

/// Why a text is not a ``HostAddress``; `description` quotes the text (control bytes escaped)
/// and the rule.
public struct HostAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The rejected text.
    public let text: String
    /// The rule broken and how to fix it.
    public let reason: String

    init(_ text: String, _ reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String {
        let shown = text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return "host \"\(shown)\" \(reason)"
    }
}
