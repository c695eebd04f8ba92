import ERSFleet
import Foundation

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
