import Foundation

/// An exclusive `flock(2)` on a file, held until ``release()`` or until the process ends (also
/// by SIGKILL: the kernel drops the lock with the last descriptor), so a lock that cannot be
/// taken means a live process holds it.
final class FileLock {
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock on `path` (created when missing) without waiting; nil when another
    /// process holds it.
    /// - Throws: ``RolloutError/stateFile(path:reason:)`` when the file cannot be opened.
    static func tryLock(_ path: String) throws(RolloutError) -> FileLock? {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .stateFile(path: path, reason: "cannot open the lock file (\(String(cString: strerror(errno))))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return FileLock(descriptor: descriptor)
    }

    /// Takes the lock on `path`, waiting up to `timeoutSeconds` for its holder.
    /// - Throws: ``RolloutError/stateFile(path:reason:)`` when it cannot be opened or taken in time.
    static func lock(_ path: String, timeoutSeconds: Double) async throws(RolloutError) -> FileLock {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeoutSeconds * 1000))
        while true {
            if let lock = try tryLock(path) { return lock }
            if ContinuousClock.now >= deadline {
                throw .stateFile(path: path, reason: "still locked by another ersctl after \(Int(timeoutSeconds)) s")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Releases the lock.
    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
