import ERSRender
import Foundation

/// Writes rendered files under a directory and removes files an earlier render of ersctl put
/// there that this render no longer produces. It keeps a manifest (`.ersctl-manifest`) of what
/// it wrote; a file it did not write is never deleted.
struct OutputDirectory {
    /// The directory.
    let url: URL

    static let manifestName = ".ersctl-manifest"

    /// Writes `files` (creating directories), removes stale files of the previous render, and
    /// writes the manifest. Files whose contents are unchanged are not rewritten.
    /// - Throws: the file system's error, with the path, when a file cannot be written or removed.
    func write(_ files: [RenderedFile]) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: url, withIntermediateDirectories: true)
        let previous = previousManifest()
        for file in files {
            let target = url.appendingPathComponent(file.path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = Data(file.contents.utf8)
            if (try? Data(contentsOf: target)) != data {
                try data.write(to: target, options: .atomic)
            }
        }
        let current = Set(files.map(\.path))
        for stale in previous.subtracting(current).sorted() {
            let target = url.appendingPathComponent(stale)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
        }
        let manifest = files.map(\.path).sorted().joined(separator: "\n") + "\n"
        try Data(manifest.utf8).write(to: url.appendingPathComponent(Self.manifestName), options: .atomic)
    }

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
