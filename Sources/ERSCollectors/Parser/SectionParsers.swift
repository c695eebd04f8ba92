/// Parsers of each section's lines into typed fields (see ``ReportParser``).
enum SectionParsers {
    static func parse(_ name: String, _ lines: [String]) -> [String: JSONValue] {
        switch name {
        case "identity": identity(lines)
        case "os": osRelease(lines)
        case "kernel": kernel(lines)
        case "cpu": cpu(lines)
        case "memory": memory(lines)
        case "uptime": uptime(lines)
        case "filesystems": filesystems(lines)
        case "network": network(lines)
        case "ports": ports(lines)
        case "packages": packages(lines)
        default: [:]
        }
    }

    /// `key=value` lines (the first `=` splits), later keys win.
    static func keyValues(_ lines: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for line in lines {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    /// Whitespace-separated fields of a line.
    static func words(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    static func string(_ value: String?) -> JSONValue {
        guard let value, !value.isEmpty else { return .null }
        return .string(value)
    }

    static func integer(_ value: String?) -> JSONValue {
        guard let value, let number = Int64(value.trimmingSpaces) else { return .null }
        return .int(number)
    }

    static func number(_ value: String?) -> JSONValue {
        guard let value, let number = Double(value.trimmingSpaces), number.isFinite else { return .null }
        return .double(number)
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
