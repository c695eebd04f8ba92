extension YAMLValue {
    /// A mapping of `dictionary`'s entries with keys in Unicode scalar order — for maps whose
    /// order carries no meaning (labels, annotations, ConfigMap data), so output is stable.
    public static func sortedMapping(_ dictionary: [String: YAMLValue]) -> YAMLValue {
        .mapping(YAMLMapping(sortingKeysOf: dictionary))
    }

    /// A mapping of string values with keys in Unicode scalar order (labels, annotations,
    /// ConfigMap data).
    public static func sortedMapping(_ dictionary: [String: String]) -> YAMLValue {
        .mapping(YAMLMapping(sortingKeysOf: dictionary.mapValues(YAMLValue.string)))
    }

    /// `nil` when this is an empty mapping, sequence or string, else the value itself: use it
    /// as a mapping entry's value to leave out empty fields the way Go's `omitempty` does,
    /// e.g. `"labels": .sortedMapping(labels).nonEmpty`.
    public var nonEmpty: YAMLValue? {
        switch self {
        case .string(let text) where text.isEmpty: nil
        case .sequence(let items) where items.isEmpty: nil
        case .mapping(let mapping) where mapping.isEmpty: nil
        default: self
        }
    }
}
