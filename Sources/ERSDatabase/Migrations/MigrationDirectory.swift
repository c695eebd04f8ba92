import ERSSQL
import Foundation

/// The migration files of a directory (the rendered `sql/`): every `*.sql` file, which must be
/// named `NNNN_description.sql` or `R__description.sql` (``MigrationFileName``), in apply order.
/// Other files are ignored.
public struct MigrationDirectory: Sendable {
    /// The directory as given.
    public let path: String
    /// The files in apply order: versioned by version, then repeatable by name.
    public let files: [MigrationFile]

    /// Reads every migration file in `path`.
    /// - Throws: ``MigrationError/directory(path:problems:)`` listing every problem: the
    ///   directory is missing, a `.sql` file is badly named or unreadable, two files share a version.
    public init(path: String) throws {
        self.path = path
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MigrationError.directory(path: path, problems: [
                "it does not exist or is not a directory; render the migrations with `ersctl render ENV_FILE --output DIR` and pass --migrations DIR/sql"
            ])
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw MigrationError.directory(path: path, problems: ["cannot be listed (\(error.localizedDescription)); check its permissions"])
        }
        var problems: [String] = []
        var files: [MigrationFile] = []
        var byVersion: [Int: String] = [:]
        for name in names where name.hasSuffix(".sql") {
            let filePath = (path as NSString).appendingPathComponent(name)
            guard let parsed = MigrationFileName(name) else {
                problems.append("\(filePath): not a migration name; name versioned files NNNN_description.sql (e.g. 0003_add_hosts.sql) and repeatable ones R__description.sql, description in [a-z0-9_]")
                continue
            }
            if case .versioned(let version, _) = parsed {
                if let other = byVersion[version] {
                    problems.append("\(filePath): version \(version) is also used by \(other); give each versioned file its own number")
                    continue
                }
                byVersion[version] = name
            }
            guard let data = manager.contents(atPath: filePath) else {
                problems.append("\(filePath): cannot be read; check its permissions")
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append("\(filePath): is not UTF-8 text; save it as UTF-8")
                continue
            }
            let file = MigrationFile(name: parsed, path: filePath, contents: text)
            problems += MigrationDirectory.problems(of: file)
            files.append(file)
        }
        guard problems.isEmpty else { throw MigrationError.directory(path: path, problems: problems) }
        self.files = files.sorted { $0.name < $1.name }
    }

    /// Problems of one file: no statements, or transaction control in a transactional file
    /// (the runner wraps it in a transaction itself).
    static func problems(of file: MigrationFile) -> [String] {
        if file.statements.isEmpty {
            return ["\(file.path): holds no SQL statement; delete it or add the statements"]
        }
        guard !file.isNonTransactional else { return [] }
        let control: Set<String> = ["BEGIN", "COMMIT", "ROLLBACK", "END", "START", "ABORT", "SAVEPOINT", "RELEASE"]
        return file.statements.filter { control.contains($0.keyword) }.map { statement in
            "\(file.path):\(statement.line): \(statement.keyword) controls the transaction, which the runner opens and commits around the whole file; remove it (or mark the file `\(MigrationHeader.nonTransactionalMarker)` in its header)"
        }
    }
}
