/// A secret read from the environment or a file. Its ``description`` says only where it came
/// from, so printing or logging it never shows the value.
public struct SecretValue: Sendable, Hashable, CustomStringConvertible {
    /// The secret itself. Never log it.
    public let value: String
    /// Where it came from: `JWT_SECRET` or `JWT_SECRET_FILE=/run/secrets/jwt`.
    public let source: String

    /// A secret from `source`.
    public init(value: String, source: String) {
        self.value = value
        self.source = source
    }

    /// `<secret from JWT_SECRET_FILE=/run/secrets/jwt, 48 bytes>`.
    public var description: String { "<secret from \(source), \(value.utf8.count) bytes>" }
}
