/// Runs `body`, giving up after `limit`.
/// - Throws: ``OperationTimeout`` naming `what` when `limit` passes first, or `body`'s error.
public func withTimeout<T: Sendable>(_ limit: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw OperationTimeout(operation: what, limit: limit)
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw OperationTimeout(operation: what, limit: limit) }
        return first
    }
}

/// An operation that did not finish in time.
public struct OperationTimeout: Error, Sendable, CustomStringConvertible {
    /// What was given up on.
    public var operation: String
    /// The limit that passed.
    public var limit: Duration

    /// `<operation> did not finish within <limit>`.
    public var description: String { "\(operation) did not finish within \(limit)" }
}
