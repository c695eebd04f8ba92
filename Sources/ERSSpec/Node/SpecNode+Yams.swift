import ERSModel
import Yams

extension SpecNode {
    /// Converts a composed Yams node, stamping every position with `file`.
    init(_ node: Node, file: String) {
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        func explicitTag(_ tag: Tag) -> String? {
            let name = tag.rawValue
            return name.hasPrefix("!") ? name : nil
        }
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(
                text: scalar.string, isPlain: scalar.style == .plain || scalar.style == .any,
                tag: explicitTag(scalar.tag), location: location(scalar.mark)))
        case .mapping(let mapping):
            let entries = mapping.map { key, value in
                Entry(key: key.string ?? "\(key)", keyLocation: location(key.mark), value: SpecNode(value, file: file))
            }
            self = .mapping(Mapping(entries: entries, tag: explicitTag(mapping.tag), location: location(mapping.mark)))
        case .sequence(let sequence):
            self = .sequence(Sequence(
                items: sequence.map { SpecNode($0, file: file) }, tag: explicitTag(sequence.tag),
                location: location(sequence.mark)))
        case .alias:
            self = .scalar(Scalar(text: "", isPlain: true, tag: nil, location: location(node.mark)))
        }
    }
}
