import ERSModel

/// Merges an environment file over its base (docs/spec.md, "Overlays"):
///
/// - mappings merge key by key; a key set to `null` in the overlay is removed;
/// - lists whose elements all have a `name` (services, ports, env, routes, …) merge by name:
///   an element with a known name is merged into it, a new name is appended, and an element
///   tagged `!delete` (`- !delete {name: worker}`) removes that name;
/// - a list tagged `!replace` replaces the base list whole; other lists replace too;
/// - anything else: the overlay's value wins.
///
/// Every node keeps the location of the file it came from, so diagnostics point at the file
/// that set the value.
enum OverlayMerger {
    /// The tag that makes a list replace the base list.
    static let replaceTag = "!replace"
    /// The tag that removes a named list element.
    static let deleteTag = "!delete"

    /// `overlay` merged over `base`.
    static func merge(_ base: SpecNode, _ overlay: SpecNode) -> SpecNode {
        switch (base, overlay) {
        case (.mapping(let base), .mapping(let overlay)):
            return .mapping(mergeMappings(base, overlay))
        case (.sequence(let base), .sequence(let overlay)):
            return .sequence(mergeSequences(base, overlay))
        default:
            return strip(overlay)
        }
    }

    private static func mergeMappings(_ base: SpecNode.Mapping, _ overlay: SpecNode.Mapping) -> SpecNode.Mapping {
        var result = base
        for entry in overlay.entries {
            if let index = result.entries.firstIndex(where: { $0.key == entry.key }) {
                if entry.value.isNull {
                    result.entries.remove(at: index)
                } else {
                    result.entries[index].value = merge(result.entries[index].value, entry.value)
                    result.entries[index].keyLocation = entry.keyLocation
                }
            } else if !entry.value.isNull {
                result.entries.append(SpecNode.Entry(key: entry.key, keyLocation: entry.keyLocation, value: strip(entry.value)))
            }
        }
        return result
    }

    private static func mergeSequences(_ base: SpecNode.Sequence, _ overlay: SpecNode.Sequence) -> SpecNode.Sequence {
        let named = !base.items.isEmpty && (base.items + overlay.items).allSatisfy { $0.nameField != nil }
        guard overlay.tag != replaceTag, named else { return strip(.sequence(overlay)).sequenceValue ?? overlay }
        var result = base
        for item in overlay.items {
            guard let name = item.nameField else { continue }
            let index = result.items.firstIndex { $0.nameField == name }
            if item.mappingTag == deleteTag {
                if let index { result.items.remove(at: index) }
            } else if let index {
                result.items[index] = merge(result.items[index], item)
            } else {
                result.items.append(strip(item))
            }
        }
        return result
    }

    /// `node` without merge tags and without `!delete` elements (a value with no base to merge into).
    static func strip(_ node: SpecNode) -> SpecNode {
        switch node {
        case .scalar:
            return node
        case .mapping(var mapping):
            if mapping.tag == deleteTag { mapping.tag = nil }
            mapping.entries = mapping.entries.filter { !$0.value.isNull }.map {
                SpecNode.Entry(key: $0.key, keyLocation: $0.keyLocation, value: strip($0.value))
            }
            return .mapping(mapping)
        case .sequence(var sequence):
            if sequence.tag == replaceTag { sequence.tag = nil }
            sequence.items = sequence.items.filter { $0.mappingTag != deleteTag }.map(strip)
            return .sequence(sequence)
        }
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
