extension YAMLValue: ExpressibleByStringLiteral {
    /// A string literal is a ``YAMLValue/string(_:)``.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

/// An interpolated string literal (`"service-\(index)"`) is a ``YAMLValue/string(_:)``.
extension YAMLValue: ExpressibleByStringInterpolation {}

extension YAMLValue: ExpressibleByIntegerLiteral {
    /// An integer literal is a ``YAMLValue/int(_:)``.
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}

extension YAMLValue: ExpressibleByBooleanLiteral {
    /// A boolean literal is a ``YAMLValue/bool(_:)``.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension YAMLValue: ExpressibleByArrayLiteral {
    /// An array literal is a ``YAMLValue/sequence(_:)`` of its elements, in order.
    public init(arrayLiteral elements: YAMLValue...) {
        self = .sequence(elements)
    }
}

extension YAMLValue: ExpressibleByDictionaryLiteral {
    /// A dictionary literal is a ``YAMLValue/mapping(_:)`` in source order; entries whose
    /// value is `nil` are left out (see ``YAMLMapping/init(dictionaryLiteral:)``).
    public init(dictionaryLiteral elements: (String, YAMLValue?)...) {
        var mapping = YAMLMapping()
        for (key, value) in elements {
            mapping[key] = value
        }
        self = .mapping(mapping)
    }
}
