/// The SSH collector's configuration cannot be used; the message says what and how to fix it.
public struct SSHConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, which setting, and how to fix it.
    public var description: String
    init(_ description: String) { self.description = description }
}
