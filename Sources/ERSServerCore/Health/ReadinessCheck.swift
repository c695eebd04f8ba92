/// One thing `/ready` checks: a dependency the role cannot serve without (PostgreSQL, Redis,
/// storage), or a note about how the role runs.
public struct ReadinessCheck: Sendable {
    /// Short name shown in the report (`postgres`, `redis`).
    public var name: String
    /// Succeeds when the dependency works, returning an optional detail; throws otherwise.
    public var probe: @Sendable () async throws -> String?

    /// A check named `name`.
    public init(name: String, probe: @escaping @Sendable () async throws -> String?) {
        self.name = name
        self.probe = probe
    }

    /// A check that always passes with `detail`: for facts an operator must see, such as
    /// sessions kept in memory.
    public static func note(_ name: String, _ detail: String) -> ReadinessCheck {
        ReadinessCheck(name: name) { detail }
    }
}
