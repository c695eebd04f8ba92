/// The refreshes waiting in a ``CacheRefresher``: one per (host name, report type), oldest
/// first. A newer event for a waiting pair replaces it in place (newest wins by `createdAt`,
/// then `reportID`) and keeps its turn.
struct RefreshBacklog {
    private var events: [CacheRefresher.Key: StoredReportEvent] = [:]
    private var order: [CacheRefresher.Key] = []
    private var head = 0

    /// Pairs waiting.
    var count: Int { events.count }

    func contains(_ key: CacheRefresher.Key) -> Bool { events[key] != nil }

    /// Adds `event`, or replaces the waiting event of its pair when `event` is newer.
    mutating func insert(_ event: StoredReportEvent) {
        let key = event.key
        if let current = events[key] {
            if (event.createdAt, event.reportID) >= (current.createdAt, current.reportID) { events[key] = event }
            return
        }
        events[key] = event
        order.append(key)
    }

    /// Takes the oldest waiting event.
    mutating func popOldest() -> StoredReportEvent? {
        while head < order.count {
            let key = order[head]
            head += 1
            if let event = events.removeValue(forKey: key) {
                compact()
                return event
            }
        }
        compact()
        return nil
    }

    /// Drops the oldest waiting event.
    mutating func removeOldest() {
        _ = popOldest()
    }

    /// Drops everything; returns how many were waiting.
    mutating func removeAll() -> Int {
        let dropped = events.count
        events.removeAll()
        order.removeAll()
        head = 0
        return dropped
    }

    /// Frees the consumed front of `order` once it is at least half of it.
    private mutating func compact() {
        if head == order.count {
            order.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 64 && head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
