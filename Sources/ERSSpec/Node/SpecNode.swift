public import ERSModel

/// A YAML node of a spec file with the place it came from. Unlike a plain YAML tree it keeps
/// what the spec checks need: each scalar's source text and quoting, each key's position, and
/// explicit tags (`!replace`). Overlays merge these trees; diagnostics point into them.
public indirect enum SpecNode: Sendable {
    /// A scalar: its text exactly as written (without quotes), how it was quoted, its tag.
    case scalar(Scalar)
    /// A mapping: keys in source order.
    case mapping(Mapping)
    /// A sequence.
    case sequence(Sequence)

    /// A scalar's text and origin.
    public struct Scalar: Sendable {
        /// The text, without quotes or block indicators.
        public var text: String
        /// True when written plain (unquoted, not a block scalar): only then can YAML read it
        /// as something other than a string.
        public var isPlain: Bool
        /// An explicit tag such as `!replace`, or nil.
        public var tag: String?
        /// Where it starts.
        public var location: SourceLocation
    }

    /// A mapping entry: the key (with its own position) and the value.
    public struct Entry: Sendable {
        /// The key's text.
        public var key: String
        /// Where the key starts.
        public var keyLocation: SourceLocation
        /// The value.
        public var value: SpecNode
    }

    /// A mapping's entries and origin.
    public struct Mapping: Sendable {
        /// Entries in source order (keys are unique: the parser reports duplicates).
        public var entries: [Entry]
        /// An explicit tag, or nil.
        public var tag: String?
        /// Where it starts.
        public var location: SourceLocation

        /// The entry for `key`, or nil.
        public func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }
        /// The value for `key`, or nil.
        public subscript(key: String) -> SpecNode? { entry(key)?.value }
    }

    /// A sequence's items and origin.
    public struct Sequence: Sendable {
        /// Items in order.
        public var items: [SpecNode]
        /// An explicit tag such as `!replace`, or nil.
        public var tag: String?
        /// Where it starts.
        public var location: SourceLocation
    }

    /// Where this node starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(let mapping): mapping.location
        case .sequence(let sequence): sequence.location
        }
    }

    /// True for a plain `null`, `Null`, `NULL`, `~` or empty plain scalar.
    public var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.isPlain, scalar.tag == nil else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.text)
    }

    /// The `name` field of a mapping whose `name` is a scalar, used to merge and address named lists.
    public var nameField: String? {
        guard case .mapping(let mapping) = self, case .scalar(let scalar)? = mapping["name"] else { return nil }
        return scalar.text
    }

    /// What kind of node this is, for messages: "a mapping", "a list", "a scalar".
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar): isNull ? "null" : "the scalar '\(scalar.text)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}
