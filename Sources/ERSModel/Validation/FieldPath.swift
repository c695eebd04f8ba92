/// Where in a spec a value sits: `services[auth].ports[http].containerPort`.
///
/// Elements of named lists (services, ports, env, routes, …) are addressed by their `name`,
/// other list elements by index, so a path stays meaningful across overlays.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// A mapping key.
        case key(String)
        /// A list element by zero-based position.
        case index(Int)
        /// A list element by its `name` field.
        case name(String)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// Creates a path.
    public init(_ components: [Component]) { self.components = components }
    /// Creates a path from a literal.
    public init(arrayLiteral elements: Component...) { self.components = elements }

    /// The root path (the whole document).
    public static let root = FieldPath([])

    /// This path extended by a key.
    public func key(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }
    /// This path extended by a list position.
    public func index(_ index: Int) -> FieldPath { FieldPath(components + [.index(index)]) }
    /// This path extended by a named list element.
    public func name(_ name: String) -> FieldPath { FieldPath(components + [.name(name)]) }
    /// Whether this path is `prefix` or lies below it.
    public func starts(with prefix: FieldPath) -> Bool { components.starts(with: prefix.components) }
    /// A path going `count` steps less deep.
    public func dropLast(_ count: Int = 1) -> FieldPath { FieldPath(Array(components.dropLast(count))) }

    /// `services[auth].ports[0].name`; `<root>` for the empty path.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            case .name(let name): text += "[\(name)]"
            }
        }
        return text.isEmpty ? "<root>" : text
    }
}
