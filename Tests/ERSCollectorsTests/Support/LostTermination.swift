import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes swift-subprocess lose the termination of one child, the way it was seen to under
/// load: the child's pidfd in this process (the descriptor swift-subprocess's monitor thread
/// waits on with epoll) is replaced by /dev/null with dup2(2). The pidfd's file is released,
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

    /// Replaces every pidfd of `pid` by /dev/null. Returns how many were replaced.
    static func inflict(on pid: Int32) -> Int {
        let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard devNull >= 0 else { return 0 }
        defer { close(devNull) }
        return pidfds(of: pid).filter { dup2(devNull, $0) == $0 }.count
    }
}
