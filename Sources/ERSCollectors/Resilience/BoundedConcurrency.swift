/// Runs work over many items with at most `limit` at a time (a task group that starts the
/// next item when one finishes).
public enum BoundedConcurrency {
    /// `transform` applied to every item, at most `limit` concurrently; results in input order.
    /// `limit` below 1 is taken as 1. Cancelling the calling task cancels the running items
    /// and starts no more (their results are then whatever `transform` returned on cancellation).
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], limit: Int, _ transform: @escaping @Sendable (Item) async -> Output
    ) async -> [Output] {
        var results = [Output?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, Output).self) { group in
            var next = 0
            func startNext() {
                guard next < items.count, !Task.isCancelled else { return }
                let index = next, item = items[index]
                next += 1
                group.addTask { (index, await transform(item)) }
            }
            for _ in 0..<max(1, limit) { startNext() }
            while let (index, output) = await group.next() {
                results[index] = output
                startNext()
            }
        }
        return results.compactMap { $0 }
    }

    /// Calls `body` for every item, at most `limit` concurrently, as each finishes.
    public static func forEach<Item: Sendable>(
        _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async -> Void
    ) async {
        _ = await map(items, limit: limit, body)
    }
}
