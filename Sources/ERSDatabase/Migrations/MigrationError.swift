/// Why `ersctl migrate` stopped. Every case names the file (and line) involved and says what to do.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// The migrations directory or files in it cannot be used.
    case directory(path: String, problems: [String])
    /// Applied versioned files changed since they were applied.
    case changedFiles([MigrationStatusEntry], repairCommand: String)
    /// Non-transactional files failed half-way earlier: the database must be checked, then `repair` run.
    case partlyApplied([MigrationStatusEntry], repairCommand: String)
    /// A statement failed; the attempt is recorded in the history.
    case statementFailed(file: String, line: Int, statementNumber: Int, transactional: Bool, error: DatabaseError)

    /// The message.
    public var description: String {
        switch self {
        case .directory(let path, let problems):
            return "migrations directory \(path):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        case .changedFiles(let entries, let repair):
            let lines = entries.map { entry -> String in
                guard case .changed(let record) = entry.state, let file = entry.file else { return "  \(entry.script)" }
                return "  \(file.path): applied \(record.appliedAt) UTC with SHA-256 \(record.checksum.prefix(12))…, the file now has \(file.checksum.prefix(12))…"
            }
            return """
                applied migrations were changed after they were applied; nothing was run:
                \(lines.joined(separator: "\n"))
                An applied migration must not change: restore the file from the release that applied it, and put a new change in a new file with the next version number.
                If the database already matches the new text (for example a comment was edited), accept the change with:
                  \(repair)
                """
        case .partlyApplied(let entries, let repair):
            let lines = entries.map { entry -> String in
                guard case .failed(let record) = entry.state else { return "  \(entry.script)" }
                return "  \(entry.file?.path ?? entry.script): failed \(record.appliedAt) UTC: \(record.error ?? "no error recorded")"
            }
            return """
                migrations that run outside a transaction failed earlier, so the statements before the failing one took effect; nothing was run:
                \(lines.joined(separator: "\n"))
                Check the database (an index left INVALID by CREATE INDEX CONCURRENTLY: DROP INDEX CONCURRENTLY it), then clear the failure with
                  \(repair)
                and run `ersctl migrate up` again: the file runs from its first statement.
                """
        case .statementFailed(let file, let line, let number, let transactional, let error):
            let undo = transactional
                ? "The file's transaction was rolled back: nothing of it was applied. Fix the file (or the database) and run `ersctl migrate up` again."
                : "The file runs outside a transaction: statements before this one took effect. Check the database, then run `ersctl migrate repair` and `ersctl migrate up` again."
            return "\(file):\(line): statement \(number) failed; the failure is recorded in \(MigrationHistory.table).\n\(error)\n\(undo)"
        }
    }
}
