import ERSFleet
import Foundation
import PostgresNIO

extension LabelSelector {
    /// The selector as a SQL condition on `alias.labels` (jsonb), every key and value a bound
    /// parameter appended to `bindings`: `key=value` → `labels @> '{"key":"value"}'`,
    /// `key!=value` → `NOT labels @> …`, `key` → `labels ? 'key'`, `!key` → `NOT labels ? 'key'`
    /// (PostgreSQL docs 9.16 "JSON Functions and Operators", table 9.46). `TRUE` when empty.
    func sqlCondition(alias: String, bindings: inout PostgresBindings) -> String {
        guard !requirements.isEmpty else { return "TRUE" }
        return requirements.map { requirement in
            switch requirement {
            case let .equals(key, value):
                bindings.append(Self.containment(key, value))
                return "\(alias).labels @> $\(bindings.count)::jsonb"
            case let .notEquals(key, value):
                bindings.append(Self.containment(key, value))
                return "NOT \(alias).labels @> $\(bindings.count)::jsonb"
            case let .exists(key):
                bindings.append(key)
                return "\(alias).labels ? $\(bindings.count)::text"
            case let .doesNotExist(key):
                bindings.append(key)
                return "NOT \(alias).labels ? $\(bindings.count)::text"
            }
        }.joined(separator: " AND ")
    }

    /// `{"key":"value"}` as JSON text (RFC 8259 §7 string escapes).
    static func containment(_ key: String, _ value: String) -> String {
        "{" + jsonString(key) + ":" + jsonString(value) + "}"
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
