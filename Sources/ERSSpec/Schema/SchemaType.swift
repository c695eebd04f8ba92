/// The shape of a spec value: what the structural check accepts and what `ersctl schema`
/// writes as JSON Schema. One description serves both, so they cannot disagree.
public indirect enum SchemaType: Sendable {
    /// A mapping with known keys (anything else is an unknown-key error).
    case object(SchemaObject)
    /// A list; `keyedBy` names the field that identifies an element (`name`): such lists merge by
    /// that field across overlays and must not repeat it.
    case list(SchemaType, keyedBy: String?)
    /// A mapping with free string keys (labels, config).
    case map(SchemaType)
    /// A string; `allowed` restricts it to a closed set.
    case string(allowed: [String]?)
    /// An integer within optional bounds.
    case integer(minimum: Int?, maximum: Int?)
    /// A decimal number (`0.5`, `1`, `12.25`) within optional bounds: percentages and ratios.
    case number(minimum: Double?, maximum: Double?)
    /// `true` or `false` (YAML 1.2 spelling only).
    case boolean
    /// A Kubernetes resource quantity (`250m`, `1Gi`).
    case quantity
    /// A count or a percentage (`1`, `"25%"`).
    case intOrPercent

    /// Any string.
    public static let string = SchemaType.string(allowed: nil)
    /// Any integer.
    public static let integer = SchemaType.integer(minimum: nil, maximum: nil)
    /// A string from an enum's raw values.
    public static func enumeration<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> SchemaType where E.RawValue == String {
        .string(allowed: type.allCases.map(\.rawValue))
    }
}

/// A mapping type with known keys.
public struct SchemaObject: Sendable {
    /// Type name, used for `$defs` in the JSON Schema (e.g. `Service`).
    public var name: String
    /// What the mapping describes.
    public var description: String
    /// The keys, in documentation order.
    public var properties: [SchemaProperty]

    /// Creates an object type.
    public init(_ name: String, _ description: String, _ properties: [SchemaProperty]) {
        self.name = name
        self.description = description
        self.properties = properties
    }

    /// The property called `key`, or nil.
    public func property(_ key: String) -> SchemaProperty? { properties.first { $0.name == key } }
}

/// One key of a mapping type.
public struct SchemaProperty: Sendable {
    /// The key.
    public var name: String
    /// Its value's shape.
    public var type: SchemaType
    /// Whether the key must be present (after overlays are merged).
    public var isRequired: Bool
    /// What it means, with units; shown by editors.
    public var description: String

    /// A required key.
    public static func required(_ name: String, _ type: SchemaType, _ description: String) -> SchemaProperty {
        SchemaProperty(name: name, type: type, isRequired: true, description: description)
    }

    /// An optional key.
    public static func optional(_ name: String, _ type: SchemaType, _ description: String) -> SchemaProperty {
        SchemaProperty(name: name, type: type, isRequired: false, description: description)
    }
}
