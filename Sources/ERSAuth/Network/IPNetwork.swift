#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address, or a CIDR block (`10.0.0.0/8`, `::1/128`), as raw bytes.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// 4 or 16 address bytes.
    public let bytes: [UInt8]
    /// Prefix length in bits.
    public let prefixLength: Int

    /// Parses `text`: an address (a /32 or /128) or `address/prefix`; nil when invalid.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPNetwork.parseAddress(String(parts[0])) else { return nil }
        let maximum = address.count * 8
        if parts.count == 2 {
            guard let prefix = Int(parts[1]), (0...maximum).contains(prefix) else { return nil }
            prefixLength = prefix
        } else {
            prefixLength = maximum
        }
        bytes = address
    }

    /// Whether the address `text` lies in this network (IPv4-mapped IPv6 addresses count as IPv4).
    public func contains(_ text: String) -> Bool {
        guard let address = IPNetwork.parseAddress(text) else { return false }
        return contains(bytes: address)
    }

    func contains(bytes address: [UInt8]) -> Bool {
        var address = address
        if address.count == 16, bytes.count == 4, address.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] {
            address = Array(address.suffix(4))
        }
        guard address.count == bytes.count else { return false }
        var remaining = prefixLength
        for index in 0..<bytes.count where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if address[index] & mask != bytes[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// Loopback and private ranges — 127.0.0.0/8, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16,
    /// ::1, fc00::/7 (RFC 1918, RFC 4193) — where the nginx gateway of a compose project or a
    /// Kubernetes cluster connects from. The default of `TRUSTED_PROXIES`: without it every
    /// client behind the gateway would share the gateway's address, and its per-address login
    /// limit. A client inside these ranges can choose the address it is counted under (its
    /// user name is still limited); set `TRUSTED_PROXIES` to the gateway's own addresses to
    /// narrow it, or to `none`.
    public static let loopbackAndPrivate: [IPNetwork] = ["127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1", "fc00::/7"]
        .compactMap { IPNetwork($0) }

    /// `10.0.0.0/8`.
    public var description: String { "\(IPNetwork.format(bytes))/\(prefixLength)" }

    /// The bytes of an IPv4 or IPv6 address in text form (`inet_pton`); nil when invalid.
    public static func parseAddress(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    /// The canonical text of address bytes (`inet_ntop`).
    public static func format(_ bytes: [UInt8]) -> String {
        var output = [CChar](repeating: 0, count: 64)
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let ok = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &output, socklen_t(output.count)) } != nil
        guard ok else { return "" }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
