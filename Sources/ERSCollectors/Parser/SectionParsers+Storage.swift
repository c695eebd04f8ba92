extension SectionParsers {
    /// `df -P -k` (POSIX format: Filesystem, N-blocks, Used, Available, Capacity, Mounted on)
    /// → blockBytes and filesystems: [{filesystem, mountpoint, sizeBytes, usedBytes,
    /// availableBytes, capacityPercent}]. Mount points with spaces are kept whole; lines that
    /// are not rows (error messages) are skipped.
    static func filesystems(_ lines: [String]) -> [String: JSONValue] {
        var blockBytes: Int64 = 1024
        var rows: [JSONValue] = []
        for line in lines {
            let parts = words(line)
            if parts.first == "Filesystem", parts.count > 1 {
                let unit = parts[1].lowercased()
                if let dash = unit.firstIndex(of: "-") {
                    let prefix = String(unit[..<dash])
                    blockBytes = Int64(prefix) ?? (prefix == "1k" ? 1024 : blockBytes)
                }
                continue
            }
            guard let capacityIndex = parts.indices.first(where: { $0 >= 4 && parts[$0].hasSuffix("%") }),
                  let size = Int64(parts[capacityIndex - 3]), let used = Int64(parts[capacityIndex - 2]),
                  let available = Int64(parts[capacityIndex - 1]) else { continue }
            let capacity = Int64(parts[capacityIndex].dropLast())
            rows.append(.object([
                "filesystem": .string(parts[..<(capacityIndex - 3)].joined(separator: " ")),
                "mountpoint": .string(parts[(capacityIndex + 1)...].joined(separator: " ")),
                "sizeBytes": .int(size * blockBytes), "usedBytes": .int(used * blockBytes),
                "availableBytes": .int(available * blockBytes),
                "capacityPercent": capacity.map { .int($0) } ?? .null,
            ]))
        }
        return ["blockBytes": .int(blockBytes), "filesystems": .array(rows)]
    }
}
