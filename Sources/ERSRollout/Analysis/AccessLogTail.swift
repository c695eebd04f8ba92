import Foundation

/// Follows the gateway's access log from a byte offset: each ``read()`` returns the complete
/// lines appended since the last one (a partial last line waits for its end). A file that
/// shrank (rotated or truncated) is read again from its start.
final class AccessLogTail {
    /// The log's path.
    let path: String
    private(set) var offset: UInt64
    private var pending = Data()
    private let decoder = JSONDecoder()
    /// Lines that were not JSON objects of the expected shape (counted, skipped).
    private(set) var unreadable = 0

    /// Follows `path` from its current end (`fromStart` false) or from its start.
    init(path: String, fromStart: Bool = false) {
        self.path = path
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value ?? 0
        offset = fromStart ? 0 : size
    }

    /// The entries appended since the last read.
    func read() -> [AccessLogEntry] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let end = (try? handle.seekToEnd()) ?? 0
        if end < offset {
            offset = 0
            pending.removeAll()
        }
        guard end > offset else { return [] }
        try? handle.seek(toOffset: offset)
        let data = (try? handle.read(upToCount: Int(end - offset))) ?? Data()
        offset += UInt64(data.count)
        pending.append(data)
        guard let lastNewline = pending.lastIndex(of: 10) else { return [] }
        let complete = pending[pending.startIndex...lastNewline]
        pending = Data(pending[(lastNewline + 1)...])
        var entries: [AccessLogEntry] = []
        for line in complete.split(separator: 10) where !line.isEmpty {
            if let entry = try? decoder.decode(AccessLogEntry.self, from: Data(line)) {
                entries.append(entry)
            } else {
                unreadable += 1
            }
        }
        return entries
    }
}
