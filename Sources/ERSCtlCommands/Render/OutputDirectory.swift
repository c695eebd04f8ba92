import ERSRender
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes rendered files under a directory and removes files an earlier render of ersctl put
/// there that this render no longer produces. It keeps a manifest (`.ersctl-manifest`) of what
/// it wrote; a file it did not write is never deleted.
///
/// Each file is written to a temporary name and renamed into place, so a reader never sees a
/// half-written file; there is no fsync per file (a render can always be repeated, and 1,000
/// fsyncs cost seconds). Unchanged files are not rewritten, so their mtimes stay.
struct OutputDirectory {
    /// The directory.
    let url: URL

    static let manifestName = ".ersctl-manifest"

    /// A file that could not be written or removed.
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var operation: String
        var reason: String
        var description: String { "cannot \(operation) \(path): \(reason)" }
    }

    /// Writes `files` (creating directories), removes stale files of the previous render, and
    /// writes the manifest.
    /// - Throws: ``WriteError`` naming the path and the system's reason.
    func write(_ files: [RenderedFile]) throws {
        let root = url.path
        var created: Set<String> = []
        try makeDirectory(root, created: &created)
        let previous = previousManifest()
        for file in files {
            let target = root + "/" + file.path
            if let slash = target.lastIndex(of: "/") { try makeDirectory(String(target[..<slash]), created: &created) }
            try replace(target, with: Array(file.contents.utf8))
        }
        let current = Set(files.map(\.path))
        for stale in previous.subtracting(current).sorted() {
            let target = root + "/" + stale
            if unlink(target) != 0, errno != ENOENT { throw WriteError(path: target, operation: "remove", reason: Self.reason()) }
        }
        let manifest = files.map(\.path).sorted().joined(separator: "\n") + "\n"
        try replace(root + "/" + Self.manifestName, with: Array(manifest.utf8))
    }

    /// Writes `bytes` to `path` through a temporary file and a rename, unless `path` already
    /// holds exactly these bytes.
    private func replace(_ path: String, with bytes: [UInt8]) throws {
        if let existing = FileManager.default.contents(atPath: path), existing.elementsEqual(bytes) { return }
        let temporary = "\(path).ersctl-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, operation: "write", reason: Self.reason()) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = Self.reason()
                close(descriptor)
                unlink(temporary)
                throw WriteError(path: path, operation: "write", reason: reason)
            }
            offset += written
        }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let reason = Self.reason()
            unlink(temporary)
            throw WriteError(path: path, operation: "write", reason: reason)
        }
    }

    private func makeDirectory(_ path: String, created: inout Set<String>) throws {
        guard !created.contains(path) else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, operation: "create the directory", reason: error.localizedDescription)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteError(path: path, operation: "use", reason: "it is not a directory")
        }
        created.insert(path)
    }

    private static func reason() -> String { String(cString: strerror(errno)) }

    /// Paths listed by the previous render's manifest (empty when there is none).
    func previousManifest() -> Set<String> {
        guard let text = try? String(contentsOf: url.appendingPathComponent(Self.manifestName), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.contains("..") })
    }

    /// Reads every file of the previous render (path → contents), for `diff`.
    func readPrevious() -> [String: String] {
        var result: [String: String] = [:]
        for path in previousManifest() {
            if let text = try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8) { result[path] = text }
        }
        return result
    }
}
