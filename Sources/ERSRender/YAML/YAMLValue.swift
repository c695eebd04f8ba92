/// A YAML node for the generator's output: scalars, sequences, and mappings whose keys keep
/// the order they were given in.
///
/// Build values with literals — a dictionary literal keeps its source order, and an entry
/// whose value is `nil` is left out:
///
/// ```swift
/// let service: YAMLValue = [
///     "apiVersion": "v1",
///     "kind": "Service",
///     "metadata": ["name": .string(name), "labels": .sortedMapping(labels).nonEmpty],
///     "spec": ["ports": [["port": .int(port)]]],
/// ]
/// ```
///
/// and turn them into text with ``YAMLWriter``.
public enum YAMLValue: Sendable, Equatable {
    /// A string. It is always read back as this exact string: the writer quotes it when any
    /// YAML 1.1 or 1.2 reader could take it for something else (`"yes"`, `"8080"`, `"1.10"`).
    case string(String)
    /// An integer, written in decimal.
    case int(Int)
    /// A boolean, written `true` or `false`.
    case bool(Bool)
    /// An explicit null, written `null`. (To leave a mapping entry out, give it `nil` instead.)
    case null
    /// A sequence, in order.
    case sequence([YAMLValue])
    /// A mapping, in the order of its entries.
    case mapping(YAMLMapping)
}
