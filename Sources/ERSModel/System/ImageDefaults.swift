/// The registry and tag that images without their own get (`images:` in the spec).
public struct ImageDefaults: Sendable, Hashable, Codable {
    /// Registry and path prefix for repositories given without a registry host,
    /// e.g. `registry.example.com/ers` (no trailing `/`).
    public var registry: String
    /// The tag for images that do not state one, e.g. `1.4.2`. Never `latest` outside development.
    public var tag: String

    /// Creates the defaults.
    public init(registry: String, tag: String) {
        self.registry = registry
        self.tag = tag
    }
}
