import Foundation
import Yams

/// The difference between an earlier render and a new one: files added, removed and changed
/// (with their changed lines), and changes the Kubernetes API server refuses in place.
struct RenderDiff {
    /// Path → contents of the earlier render.
    let old: [String: String]
    /// Path → contents of the new render.
    let new: [String: String]

    /// Whether any file differs.
    var hasChanges: Bool { old != new }

    /// Immutable fields per kind (Kubernetes API reference: fields marked immutable).
    static let immutableFields: [String: [[String]]] = [
        "Deployment": [["spec", "selector"]],
        "ReplicaSet": [["spec", "selector"]],
        "DaemonSet": [["spec", "selector"]],
        "StatefulSet": [["spec", "selector"], ["spec", "serviceName"], ["spec", "volumeClaimTemplates"], ["spec", "podManagementPolicy"]],
        "Job": [["spec", "selector"], ["spec", "template"], ["spec", "completionMode"]],
        "Service": [["spec", "clusterIP"], ["spec", "ipFamilies"]],
        "PersistentVolumeClaim": [["spec", "storageClassName"], ["spec", "accessModes"]],
    ]

    /// Changes Kubernetes refuses, as `kind/namespace/name: field changed (delete and recreate …)`.
    var refused: [String] {
        let before = Self.objects(in: old), after = Self.objects(in: new)
        var result: [String] = []
        for (key, newObject) in after.sorted(by: { $0.key < $1.key }) {
            guard let oldObject = before[key], let kind = newObject["kind"] as? String else { continue }
            for field in Self.immutableFields[kind] ?? [] {
                let a = Self.value(at: field, in: oldObject), b = Self.value(at: field, in: newObject)
                if !Self.same(a, b) {
                    let parts = key.split(separator: "/", maxSplits: 2).map(String.init)
                    let namespace = parts.count == 3 && parts[1] != "-" ? " -n \(parts[1])" : ""
                    let name = parts.last ?? key
                    let orphan = kind == "StatefulSet" ? " --cascade=orphan` (its pods and volumes stay)" : "`"
                    result.append("\(key): \(field.joined(separator: ".")) is immutable and would change; Kubernetes refuses this in place — run `kubectl delete \(kind.lowercased()) \(name)\(namespace)\(orphan) before applying, or keep the old value")
                }
            }
        }
        return result
    }

    /// A report: one section per changed file with `-`/`+` lines, then refused changes.
    var text: String {
        var out = ""
        for path in Set(old.keys).union(new.keys).sorted() {
            switch (old[path], new[path]) {
            case (nil, let added?):
                out += "added: \(path) (\(added.split(separator: "\n").count) lines)\n"
            case (_?, nil):
                out += "removed: \(path)\n"
            case (let a?, let b?) where a != b:
                out += "changed: \(path)\n"
                let oldLines = a.split(separator: "\n", omittingEmptySubsequences: false)
                let newLines = b.split(separator: "\n", omittingEmptySubsequences: false)
                for change in newLines.difference(from: oldLines) {
                    switch change {
                    case .remove(let offset, let line, _): out += "  -\(offset + 1): \(line)\n"
                    case .insert(let offset, let line, _): out += "  +\(offset + 1): \(line)\n"
                    }
                }
            default:
                continue
            }
        }
        let refused = refused
        if !refused.isEmpty {
            out += "\nchanges Kubernetes refuses in place:\n" + refused.map { "  \($0)\n" }.joined()
        }
        if out.isEmpty { out = "no changes\n" }
        return out
    }

    /// Kubernetes objects in the YAML files, keyed `Kind/namespace/name`.
    static func objects(in files: [String: String]) -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        for (path, text) in files where path.hasSuffix(".yaml") {
            guard let documents = try? Yams.load_all(yaml: text) else { continue }
            for case let object as [String: Any] in documents {
                guard let kind = object["kind"] as? String, let metadata = object["metadata"] as? [String: Any],
                      let name = metadata["name"] as? String else { continue }
                result["\(kind)/\(metadata["namespace"] as? String ?? "-")/\(name)"] = object
            }
        }
        return result
    }

    static func value(at path: [String], in object: Any?) -> Any? {
        var current = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current
    }

    static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return NSDictionary(dictionary: ["v": a]).isEqual(to: ["v": b])
        default: return false
        }
    }
}
