public import ERSModel

/// Why ``PartitionDDLRenderer`` refused to render: every problem the validation found, each a
/// ``Diagnostic`` naming the table and field (`partitionedTables[reports].primaryKey`), what is
/// wrong, and how to fix it. Thrown only when `PartitionDDLRenderer.validate(_ spec:)`
/// reports errors; nothing is rendered then.
public struct SQLRenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The errors, in spec order (never empty when thrown).
    public var problems: [Diagnostic]

    /// Creates an error from the validation's errors.
    public init(problems: [Diagnostic]) {
        self.problems = problems
    }

    /// One line per problem under a summary:
    /// `cannot render the PostgreSQL DDL: 1 problem` / `  error: partitionedTables[x].name: …`.
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return (["cannot render the PostgreSQL DDL: \(count)"] + problems.map { "  \($0)" }).joined(separator: "\n")
    }
}
