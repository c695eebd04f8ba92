import ERSRender
import Foundation
import Testing

/// Golden files under `Tests/ERSSQLTests/Golden/<case>/`: the expected rendered files, byte for
/// byte. With `ERS_UPDATE_GOLDEN=1` in the environment the test rewrites them (and deletes
/// stale ones) instead of comparing; review the diff and commit.
enum GoldenFiles {
    /// `Tests/ERSSQLTests/Golden`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// Whether this run rewrites golden files.
    static var updating: Bool { ProcessInfo.processInfo.environment["ERS_UPDATE_GOLDEN"] == "1" }

    /// Compares `files` with `Golden/<name>/`, or rewrites that directory when updating.
    static func check(_ files: [RenderedFile], case name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = root.appendingPathComponent(name)
        let existing = try relativeFiles(under: directory)
        if updating {
            for path in existing where !files.contains(where: { $0.path == path }) {
                try FileManager.default.removeItem(at: directory.appendingPathComponent(path))
            }
            for file in files {
                let url = directory.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            return
        }
        #expect(existing == files.map(\.path).sorted(), "golden file list differs (ERS_UPDATE_GOLDEN=1 rewrites)", sourceLocation: sourceLocation)
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing \(url.path)>"
            #expect(file.contents == expected, "\(file.path) differs from its golden file (ERS_UPDATE_GOLDEN=1 rewrites)", sourceLocation: sourceLocation)
        }
    }

    /// Paths of the regular files under `directory`, relative to it, sorted.
    static func relativeFiles(under directory: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        let base = directory.standardizedFileURL.path + "/"
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
        }
        return paths.sorted()
    }
}
