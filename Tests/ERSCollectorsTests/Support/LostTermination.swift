import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes swift-subprocess lose the termination of one child, the way it was seen to under
/// load: once swift-subprocess's monitor thread watches the child's pidfd with epoll, that
/// descriptor is replaced by /dev/null with dup2(2). The pidfd's file is released,
/// epoll drops it (epoll(7): a closed file leaves the interest list), and no exit is ever
/// reported for that child. /dev/null keeps the descriptor number taken, so no later pidfd
/// inherits swift-subprocess's stale bookkeeping for it. The descriptor leaks on purpose.
enum LostTermination {
    /// The descriptors of this process that are pidfds of `pid` (proc(5): fdinfo "Pid:").
    static func pidfds(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.compactMap { entry in
            guard let fd = Int32(entry),
                  let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(entry)"),
                  target == "anon_inode:[pidfd]",
                  let info = try? String(contentsOfFile: "/proc/self/fdinfo/\(entry)", encoding: .utf8) else { return nil }
            return info.split(separator: "\n").contains("Pid:\t\(pid)") ? fd : nil
        }
    }

    /// Whether descriptor `fd` is in the interest list of an epoll instance of this process
    /// (proc(5): an eventpoll's fdinfo has a "tfd: N" line per watched descriptor).
    static func isWatched(_ fd: Int32) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.contains { entry in
            guard (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(entry)")) == "anon_inode:[eventpoll]",
                  let info = try? String(contentsOfFile: "/proc/self/fdinfo/\(entry)", encoding: .utf8) else { return false }
            return info.split(separator: "\n").contains { line in
                line.hasPrefix("tfd:") && line.dropFirst(4).split(separator: " ").first == Substring("\(fd)")
            }
        }
    }

    /// Once swift-subprocess watches the pidfd of `pid` (waiting up to `seconds`), replaces it
    /// by /dev/null. Returns how many pidfds were replaced (1 when it worked).
    static func inflict(on pid: Int32, seconds: Double = 30) async -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        var fds = pidfds(of: pid)
        while Date() < deadline, fds.isEmpty || !fds.allSatisfy(isWatched) {
            try? await Task.sleep(for: .milliseconds(10))
            fds = pidfds(of: pid)
        }
        let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard devNull >= 0 else { return 0 }
        defer { close(devNull) }
        return fds.filter { isWatched($0) && dup2(devNull, $0) == $0 }.count
    }
}
