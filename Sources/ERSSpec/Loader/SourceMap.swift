public import ERSModel

/// Maps a ``FieldPath`` back to where its value was written, in the merged tree of a spec
/// (so the position is in whichever file, base or overlay, set the value).
public struct SourceMap: Sendable {
    let root: SpecNode

    /// Where the value at `path` was written: a scalar's own position, or the key of a mapping
    /// or list value (the line that opens it). When the path does not exist (a missing key),
    /// the position of the deepest part that does.
    public func location(of path: FieldPath) -> SourceLocation {
        var node = root
        var location = root.location
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let entry = mapping.entry(key) else { return location }
                node = entry.value
                if case .scalar = node { location = node.location } else { location = entry.keyLocation }
            case (.index(let index), .sequence(let sequence)):
                guard sequence.items.indices.contains(index) else { return location }
                node = sequence.items[index]
                location = node.location
            case (.name(let name), .sequence(let sequence)):
                guard let item = sequence.items.first(where: { $0.nameField == name }) else { return location }
                node = item
                location = node.location
            default:
                return location
            }
        }
        return location
    }
}
