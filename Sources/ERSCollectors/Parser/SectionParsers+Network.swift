extension SectionParsers {
    /// `tool=ip` then `ip -o addr show`, or `tool=ifconfig` then `ifconfig -a` (net-tools old
    /// and new formats, BusyBox) → tool and interfaces: [{name, family ("inet"|"inet6"),
    /// address, prefixLength}], one entry per address.
    static func network(_ lines: [String]) -> [String: JSONValue] {
        let tool = keyValues(Array(lines.prefix(1)))["tool"]
        let rest = Array(lines.dropFirst(tool == nil ? 0 : 1))
        let entries = tool == "ifconfig" ? ifconfigAddresses(rest) : ipAddresses(rest)
        return ["tool": string(tool), "interfaces": .array(entries.map { entry in
            .object(["name": .string(entry.name), "family": .string(entry.family), "address": .string(entry.address),
                     "prefixLength": entry.prefix.map { .int(Int64($0)) } ?? .null])
        })]
    }

    typealias InterfaceAddress = (name: String, family: String, address: String, prefix: Int?)

    /// "2: eth0    inet 172.17.0.2/16 brd … scope global eth0\ …"
    static func ipAddresses(_ lines: [String]) -> [InterfaceAddress] {
        lines.compactMap { line in
            let parts = words(line)
            guard parts.count >= 4, parts[0].hasSuffix(":"), parts[2] == "inet" || parts[2] == "inet6" else { return nil }
            let name = String(parts[1].split(separator: "@").first ?? Substring(parts[1]))
            let cidr = parts[3].split(separator: "/", maxSplits: 1)
            return (name, parts[2], String(cidr[0]), cidr.count > 1 ? Int(cidr[1]) : nil)
        }
    }

    /// Interface lines start in column 0 ("eth0      Link encap…" or "eth0: flags=…"); address
    /// lines are indented ("inet addr:1.2.3.4  Mask:255.0.0.0", "inet 1.2.3.4  netmask …",
    /// "inet6 addr: fe80::1/64 Scope:Link", "inet6 fe80::1  prefixlen 64 …").
    static func ifconfigAddresses(_ lines: [String]) -> [InterfaceAddress] {
        var name: String?
        var entries: [InterfaceAddress] = []
        for line in lines where !line.trimmingSpaces.isEmpty {
            let parts = words(line)
            if let first = line.first, first != " ", first != "\t" {
                name = parts.first.map { $0.hasSuffix(":") ? String($0.dropLast()) : $0 }
                continue
            }
            guard let name, let family = parts.first, family == "inet" || family == "inet6", parts.count >= 2 else { continue }
            var address = parts[1] == "addr:" && parts.count >= 3 ? parts[2] : parts[1]
            if address.hasPrefix("addr:") { address = String(address.dropFirst(5)) }
            var prefix: Int?
            if let slash = address.firstIndex(of: "/") {
                prefix = Int(address[address.index(after: slash)...])
                address = String(address[..<slash])
            }
            for (index, part) in parts.enumerated() {
                if part.hasPrefix("Mask:") { prefix = netmaskPrefix(String(part.dropFirst(5))) }
                if (part == "netmask" || part == "prefixlen"), index + 1 < parts.count {
                    prefix = part == "prefixlen" ? Int(parts[index + 1]) : netmaskPrefix(parts[index + 1])
                }
            }
            entries.append((name, family, address, prefix))
        }
        return entries
    }

    /// "255.255.0.0" → 16; nil unless four octets.
    static func netmaskPrefix(_ mask: String) -> Int? {
        let octets = mask.split(separator: ".").compactMap { UInt8($0) }
        guard octets.count == 4 else { return nil }
        return octets.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// `tool=ss` then `ss -ltn`, or `tool=netstat` then `netstat -ltn` → tool and ports:
    /// [{protocol: "tcp", address, port}] (address without brackets or `%interface`).
    static func ports(_ lines: [String]) -> [String: JSONValue] {
        let tool = keyValues(Array(lines.prefix(1)))["tool"]
        var ports: [JSONValue] = []
        for line in lines {
            let parts = words(line)
            guard parts.count >= 4, parts[0] == "LISTEN" || parts[0].hasPrefix("tcp"),
                  let colon = parts[3].lastIndex(of: ":"), let port = Int(parts[3][parts[3].index(after: colon)...]) else { continue }
            var address = String(parts[3][..<colon])
            if address.hasPrefix("["), address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
            if let percent = address.firstIndex(of: "%") { address = String(address[..<percent]) }
            ports.append(.object(["protocol": .string("tcp"), "address": .string(address), "port": .int(Int64(port))]))
        }
        return ["tool": string(tool), "ports": .array(ports)]
    }
}
