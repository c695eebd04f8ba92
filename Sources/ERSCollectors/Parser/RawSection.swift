/// One section's lines between its BEGIN and END markers, with its exit status.
struct RawSection {
    var lines: [String]
    var exitCode: Int?
    var underTimeout: Bool

    /// `ok`, `missing`, `timeout` or `failed` (see ``ReportParser``).
    var status: String {
        guard let exitCode else { return "failed" }
        switch exitCode {
        case 0: return "ok"
        case 127: return "missing"
        case 124, 137, 143: return underTimeout ? "timeout" : "failed"
        default: return "failed"
        }
    }

    var statusFields: [String: JSONValue] {
        var fields: [String: JSONValue] = ["status": .string(status)]
        if let exitCode { fields["exitCode"] = .int(Int64(exitCode)) } else { fields["error"] = .string("no END marker (the section was cut off)") }
        return fields
    }

    /// The sections found, by name, and whether the DONE marker was seen.
    struct Blocks {
        var byName: [String: RawSection] = [:]
        var complete = false
        subscript(name: String) -> RawSection? { byName[name] }
    }

    static func split(_ lines: ArraySlice<String>, token: String) -> Blocks {
        let marker = "@@ERS \(token) "
        var blocks = Blocks()
        var current: (name: String, lines: [String])?
        for line in lines {
            guard line.hasPrefix(marker) else {
                current?.lines.append(line)
                continue
            }
            let words = line.dropFirst(marker.count).split(separator: " ").map(String.init)
            switch words.first {
            case "BEGIN" where words.count == 2:
                if let open = current { blocks.byName[open.name] = RawSection(lines: open.lines, exitCode: nil, underTimeout: false) }
                current = (words[1], [])
            case "END" where words.count == 4:
                guard let open = current, open.name == words[1] else { continue }
                var body = open.lines
                if body.last == "" { body.removeLast() }
                blocks.byName[open.name] = RawSection(lines: body, exitCode: Int(words[2]), underTimeout: words[3] == "1")
                current = nil
            case "DONE":
                blocks.complete = true
            default:
                continue
            }
        }
        if let open = current { blocks.byName[open.name] = RawSection(lines: open.lines, exitCode: nil, underTimeout: false) }
        return blocks
    }
}
