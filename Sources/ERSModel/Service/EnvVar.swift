/// A plain environment variable (Kubernetes `EnvVar` with `value`). Always a string: the spec
/// loader keeps the text exactly as written, so `1.10` stays `1.10`, never `1.1`.
public struct EnvVar: Sendable, Hashable, Codable {
    /// Variable name (`[-._a-zA-Z][-._a-zA-Z0-9]*`).
    public var name: String
    /// Value; `$(NAME)` expands an env var declared earlier, `$$` is a literal `$`.
    public var value: String

    /// Creates a variable.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
