extension SectionParsers {
    /// `hostname=…`, `machine_id=…` → hostname, machineId.
    static func identity(_ lines: [String]) -> [String: JSONValue] {
        let values = keyValues(lines)
        return ["hostname": string(values["hostname"]?.trimmingSpaces), "machineId": string(values["machine_id"]?.trimmingSpaces)]
    }

    /// os-release(5): KEY=value, values optionally quoted → id, versionId, name, prettyName,
    /// versionCodename and `fields` (every key).
    static func osRelease(_ lines: [String]) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for (key, value) in keyValues(lines) where !key.hasPrefix("#") && !key.isEmpty {
            var text = value.trimmingSpaces
            if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
                text = String(text.dropFirst().dropLast())
                text = text.replacingBackslashEscapes
            }
            fields[key] = .string(text)
        }
        func field(_ key: String) -> JSONValue { fields[key] ?? .null }
        return ["id": field("ID"), "versionId": field("VERSION_ID"), "name": field("NAME"),
                "prettyName": field("PRETTY_NAME"), "versionCodename": field("VERSION_CODENAME"),
                "fields": .object(fields)]
    }

    /// `uname -srm`: "Linux 6.1.0-18-amd64 x86_64" → name, release, machine.
    static func kernel(_ lines: [String]) -> [String: JSONValue] {
        let parts = words(lines.first(where: { !$0.trimmingSpaces.isEmpty }) ?? "")
        return ["name": string(parts.first), "release": string(parts.count > 1 ? parts[1] : nil),
                "machine": string(parts.count > 2 ? parts[2] : nil)]
    }

    /// `count=…`, `model=…` → count (logical CPUs online), model.
    static func cpu(_ lines: [String]) -> [String: JSONValue] {
        let values = keyValues(lines)
        return ["count": integer(values["count"]), "model": string(values["model"]?.trimmingSpaces)]
    }

    /// /proc/meminfo (proc(5), values in kB = 1024 bytes) → totalBytes, freeBytes,
    /// availableBytes, buffersBytes, cachedBytes, swapTotalBytes, swapFreeBytes.
    static func memory(_ lines: [String]) -> [String: JSONValue] {
        var kib: [String: Int64] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let parts = words(String(line[line.index(after: colon)...]))
            guard let value = parts.first.flatMap({ Int64($0) }) else { continue }
            let multiplier: Int64 = parts.count > 1 && parts[1].lowercased() == "kb" ? 1024 : 1
            kib[String(line[..<colon])] = value * multiplier
        }
        func bytes(_ key: String) -> JSONValue { kib[key].map { .int($0) } ?? .null }
        return ["totalBytes": bytes("MemTotal"), "freeBytes": bytes("MemFree"), "availableBytes": bytes("MemAvailable"),
                "buffersBytes": bytes("Buffers"), "cachedBytes": bytes("Cached"),
                "swapTotalBytes": bytes("SwapTotal"), "swapFreeBytes": bytes("SwapFree")]
    }

    /// `uptime=<seconds> <idle>` and `loadavg=<1> <5> <15> …` (/proc/uptime, /proc/loadavg), or
    /// `uptime_text=<uptime(1) output>` → uptimeSeconds, load1, load5, load15.
    static func uptime(_ lines: [String]) -> [String: JSONValue] {
        let values = keyValues(lines)
        var loads: [String] = []
        var seconds: JSONValue = .null
        if let text = values["uptime"] { seconds = number(words(text).first) }
        if let text = values["loadavg"] { loads = Array(words(text).prefix(3)) }
        if let text = values["uptime_text"], let range = text.range(of: "load average:") {
            loads = text[range.upperBound...].split(separator: ",").map { String($0).trimmingSpaces }
        }
        func load(_ index: Int) -> JSONValue { index < loads.count ? number(loads[index]) : .null }
        return ["uptimeSeconds": seconds, "load1": load(0), "load5": load(1), "load15": load(2)]
    }

    /// `manager=dpkg|rpm|apk`, `count=N` → manager, count (installed packages).
    static func packages(_ lines: [String]) -> [String: JSONValue] {
        let values = keyValues(lines)
        return ["manager": string(values["manager"]), "count": integer(values["count"])]
    }
}

extension String {
    /// os-release(5) double-quoted values: `\"`, `\\`, `\$`, `` \` `` unescaped.
    var replacingBackslashEscapes: String {
        var result = ""
        var escaped = false
        for character in self {
            if escaped { result.append(character); escaped = false }
            else if character == "\\" { escaped = true }
            else { result.append(character) }
        }
        return result
    }
}
