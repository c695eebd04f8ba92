import ERSModel

/// Merges an environment file over its base (docs/spec.md, "Overlays"):
///
/// - mappings merge key by key; a key set to `null` in the overlay is removed; a mapping
///   tagged `!replace` replaces the base mapping whole;
/// - lists whose elements all have a `name` (services, ports, env, routes, …) merge by name:
///   an element with a known name is merged into it, a new name is appended, and an element
///   tagged `!delete` (`- !delete {name: worker}`) removes that name;
/// - a list tagged `!replace`, an empty list, and any other list replace the base list whole;
/// - anything else: the overlay's value wins.
///
/// Every node keeps the location of the file it came from, so diagnostics point at the file
/// that set the value. Misused merge tags, unknown tags, `!delete` of a name the base does not
/// have and a name given twice in one overlay list are errors.
struct OverlayMerger {
    /// The tag that makes a list or mapping replace the base's.
    static let replaceTag = "!replace"
    /// The tag that removes a named list element.
    static let deleteTag = "!delete"

    private(set) var diagnostics: [Diagnostic] = []

    /// `overlay` merged over `base`, at `path`.
    mutating func merge(_ base: SpecNode, _ overlay: SpecNode, at path: FieldPath) -> SpecNode {
        switch (base, overlay) {
        case (.mapping(let base), .mapping(let overlay)) where overlay.tag != Self.replaceTag:
            return .mapping(mergeMappings(base, overlay, path))
        case (.sequence(let base), .sequence(let overlay)):
            return .sequence(mergeSequences(base, overlay, path))
        default:
            return strip(overlay, at: path)
        }
    }

    private mutating func mergeMappings(_ base: SpecNode.Mapping, _ overlay: SpecNode.Mapping, _ path: FieldPath) -> SpecNode.Mapping {
        var result = base
        for entry in overlay.entries {
            if let index = result.entries.firstIndex(where: { $0.key == entry.key }) {
                if entry.value.isNull {
                    result.entries.remove(at: index)
                } else {
                    result.entries[index].value = merge(result.entries[index].value, entry.value, at: path.key(entry.key))
                    result.entries[index].keyLocation = entry.keyLocation
                }
            } else if !entry.value.isNull {
                result.entries.append(SpecNode.Entry(key: entry.key, keyLocation: entry.keyLocation, value: strip(entry.value, at: path.key(entry.key))))
            }
        }
        return result
    }

    private mutating func mergeSequences(_ base: SpecNode.Sequence, _ overlay: SpecNode.Sequence, _ path: FieldPath) -> SpecNode.Sequence {
        let named = !base.items.isEmpty && (base.items + overlay.items).allSatisfy { $0.nameField != nil }
        guard overlay.tag != Self.replaceTag, named, !overlay.items.isEmpty else {
            return strip(.sequence(overlay), at: path).sequenceValue ?? overlay
        }
        var result = base
        var seen: [String: SourceLocation] = [:]
        for item in overlay.items {
            guard let name = item.nameField else { continue }
            if let first = seen[name] {
                diagnostics.append(Diagnostic(
                    .error, path.name(name), "'\(name)' appears twice in this overlay list (first at \(first)); give each element once",
                    location: item.location, related: [first]))
                continue
            }
            seen[name] = item.location
            let index = result.items.firstIndex { $0.nameField == name }
            if item.mappingTag == Self.deleteTag {
                if let index {
                    result.items.remove(at: index)
                } else {
                    diagnostics.append(Diagnostic(
                        .error, path.name(name), "!delete names '\(name)', which the base does not have; remove this element or fix the name",
                        location: item.location))
                }
            } else if let index {
                result.items[index] = merge(result.items[index], item, at: path.name(name))
            } else {
                result.items.append(strip(item, at: path.name(name)))
            }
        }
        return result
    }

    /// `node` without merge tags (a value with no base to merge into); `!delete` here has
    /// nothing to delete and is an error.
    mutating func strip(_ node: SpecNode, at path: FieldPath) -> SpecNode {
        switch node {
        case .scalar:
            return node
        case .mapping(var mapping):
            if mapping.tag == Self.replaceTag { mapping.tag = nil }
            mapping.entries = mapping.entries.filter { !$0.value.isNull }.map {
                SpecNode.Entry(key: $0.key, keyLocation: $0.keyLocation, value: strip($0.value, at: path.key($0.key)))
            }
            return .mapping(mapping)
        case .sequence(var sequence):
            if sequence.tag == Self.replaceTag { sequence.tag = nil }
            var items: [SpecNode] = []
            for (index, item) in sequence.items.enumerated() {
                let itemPath = item.nameField.map { path.name($0) } ?? path.index(index)
                if item.mappingTag == Self.deleteTag {
                    diagnostics.append(Diagnostic(
                        .error, itemPath, "!delete removes an element of a named list in the base; here there is nothing to remove it from (the list is new or replaced) — drop the element",
                        location: item.location))
                    continue
                }
                items.append(strip(item, at: itemPath))
            }
            sequence.items = items
            return .sequence(sequence)
        }
    }

    /// Explicit tags ERS does not know, or known tags where they mean nothing: errors, so a
    /// typo (`!delet`, `!Replace`) never passes silently. `!!str`-style standard tags pass.
    static func tagProblems(in node: SpecNode, at path: FieldPath) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func check(_ node: SpecNode, _ path: FieldPath, inNamedList: Bool) {
            switch node {
            case .scalar(let scalar):
                if let tag = scalar.tag {
                    problems.append(Diagnostic(.error, path, "unknown tag \(tag) on a scalar; ERS knows !replace (on a list or mapping) and !delete (on an element of a named list)", location: scalar.location))
                }
            case .mapping(let mapping):
                if let tag = mapping.tag, tag != replaceTag, !(tag == deleteTag && inNamedList && node.nameField != nil) {
                    let hint = tag == deleteTag ? "!delete applies to an element of a named list: - !delete {name: x}" : "ERS knows !replace and !delete"
                    problems.append(Diagnostic(.error, path, "tag \(tag) is not allowed here; \(hint)", location: mapping.location))
                }
                for entry in mapping.entries { check(entry.value, path.key(entry.key), inNamedList: false) }
            case .sequence(let sequence):
                if let tag = sequence.tag, tag != replaceTag {
                    problems.append(Diagnostic(.error, path, "unknown tag \(tag) on a list; did you mean !replace?", location: sequence.location))
                }
                let named = sequence.items.allSatisfy { $0.nameField != nil }
                for (index, item) in sequence.items.enumerated() {
                    check(item, item.nameField.map { path.name($0) } ?? path.index(index), inNamedList: named)
                }
            }
        }
        check(node, path, inNamedList: false)
        return problems
    }
}

extension SpecNode {
    /// The tag of a mapping node, or nil.
    var mappingTag: String? {
        if case .mapping(let mapping) = self { return mapping.tag }
        return nil
    }

    /// The sequence of a sequence node, or nil.
    var sequenceValue: Sequence? {
        if case .sequence(let sequence) = self { return sequence }
        return nil
    }
}
