import Foundation

/// Process groups and child pids as the kernel shows them (/proc, proc(5)).
enum ProcessGroups {
    /// Processes of group `pgid` that are not zombies (this machine's init may never reap
    /// orphans, so a killed member can stay a zombie forever).
    static func liveMembers(of pgid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, fields[0] != "Z", Int32(fields[2]) == pgid else { return nil }
            return pid
        }
    }

    /// Waits until group `pgid` has no live member or `seconds` pass; the members left.
    static func waitUntilGone(_ pgid: Int32, seconds: Double = 20) async -> [Int32] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let left = liveMembers(of: pgid)
            if left.isEmpty || Date() > deadline { return left }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The pid a test program wrote to `file` (`echo $$ > file`), waiting up to `seconds`.
    static func pid(writtenTo file: String, seconds: Double = 30) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: file, encoding: .utf8), text.hasSuffix("\n"),
               let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// A fresh path for a pid file (not created).
    static func pidFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ers-pid-\(UUID().uuidString)").path
    }
}
