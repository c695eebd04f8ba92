/// A header or cookie name and the value that matches.
public struct TestRouteMatch: Sendable, Hashable, Codable {
    /// Header name (an HTTP token) or cookie name (letters, digits, `_`: nginx reads it as
    /// `$cookie_<name>`).
    public var name: String
    /// The value that matches (letters, digits, `.`, `_`, `~`, `-`).
    public var value: String

    /// Creates a match.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
