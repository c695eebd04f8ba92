/// A setting that is missing or wrong. The message names the environment variable, what is
/// wrong and what to set instead.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The variable concerned, e.g. `JWT_SECRET`.
    public var variable: String
    /// What is wrong and how to fix it.
    public var problem: String

    /// Creates an error about `variable`.
    public init(_ variable: String, _ problem: String) {
        self.variable = variable
        self.problem = problem
    }

    /// `configuration: JWT_SECRET: …`.
    public var description: String { "configuration: \(variable): \(problem)" }
}
