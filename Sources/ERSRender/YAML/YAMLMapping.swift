/// The entries of a YAML mapping, in the order they were given in, with unique keys.
///
/// Keys are unique by construction: setting a key that is already present replaces its value
/// where it stands (like assigning to a Python `dict`), so the writer never emits a duplicate
/// key, which YAML readers reject or resolve differently.
public struct YAMLMapping: Sendable {
    /// One key and its value.
    public typealias Entry = (key: String, value: YAMLValue)

    /// The entries, in order.
    public private(set) var entries: [Entry]

    /// An empty mapping.
    public init() {
        entries = []
    }

    /// A mapping of `entries` in their order; a key given more than once keeps its first
    /// position and takes its last value.
    public init(_ entries: [Entry]) {
        if entries.count <= 8 {
            self.entries = []
            self.entries.reserveCapacity(entries.count)
            for entry in entries {
                self[entry.key] = entry.value
            }
            return
        }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(entries.count)
        var unique: [Entry] = []
        unique.reserveCapacity(entries.count)
        for entry in entries {
            if let position = positions[entry.key] {
                unique[position].value = entry.value
            } else {
                positions[entry.key] = unique.count
                unique.append(entry)
            }
        }
        self.entries = unique
    }

    /// Entries known to have unique keys (from a `Dictionary`), taken as they are.
    init(uniqueEntries: [Entry]) {
        entries = uniqueEntries
    }

    /// The number of entries.
    public var count: Int { entries.count }

    /// Whether the mapping has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The value for `key`. Setting a value replaces an existing entry in place or appends a
    /// new one at the end; setting `nil` removes the entry.
    public subscript(key: String) -> YAMLValue? {
        get {
            entries.first { $0.key == key }?.value
        }
        set {
            let position = entries.firstIndex { $0.key == key }
            switch (position, newValue) {
            case (let position?, let value?): entries[position].value = value
            case (let position?, nil): entries.remove(at: position)
            case (nil, let value?): entries.append((key: key, value: value))
            case (nil, nil): break
            }
        }
    }
}

extension YAMLMapping: Equatable {
    /// Two mappings are equal when they have equal entries in the same order.
    public static func == (lhs: YAMLMapping, rhs: YAMLMapping) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }
}
