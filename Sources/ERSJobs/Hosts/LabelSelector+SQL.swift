import ERSFleet
import Foundation

extension LabelSelector {
    /// Appends this selector to `builder` as a condition on `hosts.labels` (jsonb), every key
    /// and value a bound parameter: `key=value` becomes `labels @> $n::jsonb` (containment,
    /// served by the `jsonb_path_ops` GIN index `hosts_labels_idx`), `key!=value`
    /// `NOT (labels @> $n::jsonb)` (also true without the key, as Kubernetes defines it), `key`
    /// `labels ? $n`, `!key` `NOT (labels ? $n)` (PostgreSQL docs §9.16.1 "jsonb operators").
    /// The empty selector appends `TRUE`.
    /// - Throws: a bind's encoding error.
    func appendCondition(to builder: inout QueryBuilder) throws {
        guard !requirements.isEmpty else { builder.append("TRUE"); return }
        for (offset, requirement) in requirements.enumerated() {
            if offset > 0 { builder.append(" AND ") }
            switch requirement {
            case let .equals(key, value):
                builder.append("labels @> \(try builder.bind(try Self.object(key, value)))::jsonb")
            case let .notEquals(key, value):
                builder.append("NOT (labels @> \(try builder.bind(try Self.object(key, value)))::jsonb)")
            case let .exists(key):
                builder.append("labels ? \(try builder.bind(key))")
            case let .doesNotExist(key):
                builder.append("NOT (labels ? \(try builder.bind(key)))")
            }
        }
    }

    /// `{"key": "value"}` as JSON text.
    static func object(_ key: String, _ value: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: [key: value], options: [.sortedKeys]), as: UTF8.self)
    }
}

extension Labels {
    /// The labels as a JSON object (keys sorted), for `hosts.labels`.
    var jsonText: String {
        let data = (try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Labels from the JSON text of `hosts.labels`.
    /// - Throws: ``HostStoreError/corruptRow(name:reason:)`` when it is not an object of strings
    ///   or breaks the label rules.
    static func fromJSON(_ text: String, host: String) throws -> Labels {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String] else {
            throw HostStoreError.corruptRow(name: host, reason: "labels are not a JSON object of strings")
        }
        do {
            return try Labels(object)
        } catch {
            throw HostStoreError.corruptRow(name: host, reason: error.description)
        }
    }
}
