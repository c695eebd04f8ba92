#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SSHCollector {
    /// Creates `directory` 0700 if missing; refuses one not owned by this user or open to
    /// others (another user could then hijack the control sockets).
    static func prepareControlDirectory(_ directory: String) throws(SSHConfigurationError) {
        if mkdir(directory, 0o700) != 0, errno != EEXIST {
            throw SSHConfigurationError("cannot create the ControlMaster directory \(directory): \(String(cString: strerror(errno))); set connectionReuse.directory to a writable path")
        }
        var info = stat()
        guard lstat(directory, &info) == 0 else {
            throw SSHConfigurationError("cannot inspect the ControlMaster directory \(directory): \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid(), (info.st_mode & 0o077) == 0 else {
            throw SSHConfigurationError("the ControlMaster directory \(directory) must be a directory owned by uid \(getuid()) with mode 0700; fix it (chmod 700) or choose another")
        }
    }
}
