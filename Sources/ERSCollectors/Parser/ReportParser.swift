/// Turns the raw output of ``ReportScript`` into the JSON object stored in `reports.data`:
///
///     {"schema": 1, "reportType": "system", "raw": "<the raw text>",
///      "sections": {"os": {"status": "ok", "exitCode": 0, …parsed fields…}, …}}
///
/// Status per section: `ok` (exit 0), `missing` (exit 127: no command for it on the host),
/// `timeout` (killed by `timeout(1)`: exit 124, 137 or 143), `failed` (any other exit, or no
/// END marker); a section the output does not contain at all is `failed` with an `error`.
/// Units: bytes, seconds. A section's output that cannot be parsed still gives its status and
/// `output` (the section's text); parsing never throws on section content.
public enum ReportParser {
    /// Report schema version in `reports.data.schema`.
    public static let schemaVersion = 1

    /// Parses `raw` (the script's stdout).
    /// - Throws: ``ReportFormatError`` when `raw` has no report header (not the script's output).
    public static func parse(_ raw: String, reportType: String = "system") throws(ReportFormatError) -> JSONValue {
        // Split on bytes (the UTF-8 view), not Characters: several times faster on report-sized text.
        let lines = raw.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
        guard let headerIndex = lines.firstIndex(where: { $0.hasPrefix("@@ERS-REPORT ") }) else {
            throw ReportFormatError("no \"@@ERS-REPORT\" header line: the output is not from the ERS report script (first bytes: \(raw.prefix(80).debugDescription))")
        }
        let header = lines[headerIndex].split(separator: " ")
        guard header.count == 3, header[1] == "1" else {
            throw ReportFormatError("unsupported report header \(lines[headerIndex].prefix(80).debugDescription); this parser reads version 1")
        }
        let token = String(header[2])
        let blocks = RawSection.split(lines[(headerIndex + 1)...], token: token)
        var sections: [String: JSONValue] = [:]
        for (name, _) in ReportScript.sections {
            guard let block = blocks[name] else {
                sections[name] = .object(["status": .string("failed"), "error": .string("section missing from the output (the script stopped early or the output was cut)")])
                continue
            }
            var fields = block.statusFields
            if block.status == "ok" || block.status == "failed" {
                for (key, value) in SectionParsers.parse(name, block.lines) { fields[key] = value }
            }
            if block.status != "ok" { fields["output"] = .string(block.lines.joined(separator: "\n")) }
            sections[name] = .object(fields)
        }
        return .object([
            "schema": .int(Int64(schemaVersion)),
            "reportType": .string(reportType),
            "complete": .bool(blocks.complete),
            "sections": .object(sections),
            "raw": .string(raw),
        ])
    }
}

/// The output given to ``ReportParser`` is not a report.
public struct ReportFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the text is not a report (first problem found).
    public var description: String
    init(_ description: String) { self.description = description }
}
