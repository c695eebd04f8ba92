/// IPv4 and IPv6 CIDR blocks as NetworkPolicy `ipBlock` and nginx `set_real_ip_from` take them.
enum CIDR {
    /// Whether `text` is `address/prefix` with an IPv4 (prefix 0–32) or IPv6 (0–128) address.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), String(prefix) == parts[1] else { return false }
        let address = parts[0]
        if address.contains(":") { return prefix <= 128 && isIPv6(address) }
        return prefix <= 32 && isIPv4(address)
    }

    static func isIPv4(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            guard let value = Int(octet), (0...255).contains(value) else { return false }
            return String(value) == octet
        }
    }

    static func isIPv6(_ text: Substring) -> Bool {
        let halves = String(text).split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return false }
        let groups: [Substring] = halves.flatMap { half -> [Substring] in
            half.isEmpty ? [] : half.split(separator: ":", omittingEmptySubsequences: false)
        }
        guard groups.allSatisfy({ group in (1...4).contains(group.count) && group.allSatisfy { $0.isHexDigit } }) else { return false }
        return halves.count == 2 ? groups.count < 8 : groups.count == 8
    }
}
