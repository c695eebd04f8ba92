import ERSRender

/// What PyYAML should read back for a value, as the one-line JSON that ``PyYAML/script``
/// prints: `json.dumps` with `separators=(",", ":")` and its default `ensure_ascii`.
enum PythonJSON {
    /// The JSON for `value`, mappings as `{"map": [[key, value], …]}`.
    static func encode(_ value: YAMLValue) -> String {
        var json = ""
        append(value, to: &json)
        return json
    }

    private static func append(_ value: YAMLValue, to json: inout String) {
        switch value {
        case .string(let text): appendString(text, to: &json)
        case .int(let number): json += String(number)
        case .bool(let flag): json += flag ? "true" : "false"
        case .null: json += "null"
        case .sequence(let items):
            json += "["
            for (index, item) in items.enumerated() {
                if index > 0 { json += "," }
                append(item, to: &json)
            }
            json += "]"
        case .mapping(let mapping):
            json += "{\"map\":["
            for (index, entry) in mapping.entries.enumerated() {
                if index > 0 { json += "," }
                json += "["
                appendString(entry.key, to: &json)
                json += ","
                append(entry.value, to: &json)
                json += "]"
            }
            json += "]}"
        }
    }

    /// A string as Python's `json.dumps` writes it with `ensure_ascii=True`.
    private static func appendString(_ text: String, to json: inout String) {
        json += "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: json += "\\\""
            case 0x5C: json += "\\\\"
            case 0x0A: json += "\\n"
            case 0x0D: json += "\\r"
            case 0x09: json += "\\t"
            case 0x08: json += "\\b"
            case 0x0C: json += "\\f"
            case 0x20...0x7E: json.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        json += "\""
    }
}
