import Foundation

/// Processes of this machine whose command line contains a text (read from /proc).
enum Processes {
    static func matching(_ text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = Int32(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains(text) ? pid : nil
        }
    }

    /// Waits until no process matches `text` or `seconds` pass; the matches left.
    static func waitUntilGone(_ text: String, seconds: Double = 20) async -> [Int32] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let left = matching(text)
            if left.isEmpty || Date() > deadline { return left }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}
