import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `ersctl-db`, the database part of ersctl: `ersctl migrate …` and `ersctl partitions …`
/// replace the ersctl process with it (`execv`), as `git` and `kubectl` run their plugins, so
/// ersctl itself links no database driver (`swift build --product ersctl` stays quick) and
/// stdin, stdout, stderr, signals and the exit code are ersctl-db's own.
enum DatabaseTool {
    /// The executable's name.
    static let name = "ersctl-db"

    /// The error printed when ersctl-db cannot be found.
    static let missingMessage =
        "ersctl migrate needs ersctl-db, the database part of ersctl: build it with `swift build --product ersctl-db` (it is installed beside ersctl in the runtime image)"

    /// Exit code when ersctl-db is missing (127, as a shell reports a command not found).
    static let missingExitCode: Int32 = 127

    /// Where ersctl-db is: beside the running ersctl (`/proc/self/exe`'s directory, which
    /// resolves symbolic links), else the first executable `ersctl-db` on `PATH`.
    static func locate(
        besides executable: String? = runningExecutable(),
        path: String? = ProcessInfo.processInfo.environment["PATH"],
        isExecutable: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }
    ) -> String? {
        if let executable {
            let candidate = (executable as NSString).deletingLastPathComponent + "/" + name
            if isExecutable(candidate) { return candidate }
        }
        for directory in (path ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    /// The path of the running executable with symbolic links resolved.
    static func runningExecutable() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return Bundle.main.executablePath
    }

    /// Replaces this process with `ersctl-db arguments…`. Returns only when that is impossible,
    /// after printing why; the result is the exit code to use.
    static func exec(_ arguments: [String]) -> Int32 {
        guard let tool = locate() else {
            FileHandle.standardError.write(Data("ersctl: error: \(missingMessage)\n".utf8))
            return missingExitCode
        }
        var argv: [UnsafeMutablePointer<CChar>?] = ([name] + arguments).map { strdup($0) }
        argv.append(nil)
        execv(tool, argv)
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(Data("ersctl: error: cannot run \(tool): \(reason); check that it is an executable for this machine\n".utf8))
        for pointer in argv { free(pointer) }
        return 126
    }
}
