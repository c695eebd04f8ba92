/// The directory compared with the history table: pure, so `plan`, `status`, `up` and
/// `repair` agree on what is applied, pending, changed and failed.
public struct MigrationComparison: Sendable {
    /// One entry per file in apply order, then history rows whose file is gone.
    public let entries: [MigrationStatusEntry]

    /// Compares `files` (in apply order) with `records` (oldest first).
    public init(files: [MigrationFile], records: [MigrationRecord]) {
        var entries: [MigrationStatusEntry] = []
        var versionsSeen: Set<Int> = []
        var scriptsSeen: Set<String> = []
        for file in files {
            let script = file.name.description
            if let version = file.version {
                versionsSeen.insert(version)
                let rows = records.filter { $0.version == version }
                let state: MigrationState
                if let applied = rows.last(where: \.success) {
                    state = applied.checksum == file.checksum ? .applied(applied) : .changed(applied)
                } else if let failure = rows.last {
                    state = .failed(failure)
                } else {
                    state = .pending
                }
                entries.append(MigrationStatusEntry(script: script, file: file, state: state))
            } else {
                scriptsSeen.insert(script)
                let rows = records.filter { $0.version == nil && $0.script == script }
                let state: MigrationState
                let lastApplied = rows.last(where: \.success)
                if let last = rows.last, !last.success, lastApplied?.checksum != file.checksum {
                    state = .failed(last)
                } else if let lastApplied {
                    state = lastApplied.checksum == file.checksum ? .applied(lastApplied) : .outdated(lastApplied)
                } else {
                    state = .pending
                }
                entries.append(MigrationStatusEntry(script: script, file: file, state: state))
            }
        }
        var missing: [String: MigrationRecord] = [:]
        var missingOrder: [String] = []
        for record in records where record.success {
            let gone = record.version.map { !versionsSeen.contains($0) } ?? !scriptsSeen.contains(record.script)
            guard gone else { continue }
            let key = record.version.map { "v\($0)" } ?? record.script
            if missing[key] == nil { missingOrder.append(key) }
            missing[key] = record
        }
        for key in missingOrder {
            if let record = missing[key] {
                entries.append(MigrationStatusEntry(script: record.script, file: nil, state: .missingFile(record)))
            }
        }
        self.entries = entries
    }

    /// Files `up` would run, in order.
    public var toRun: [MigrationFile] { entries.filter(\.willRun).compactMap(\.file) }
    /// Applied versioned files whose text changed.
    public var changed: [MigrationStatusEntry] {
        entries.filter { if case .changed = $0.state { true } else { false } }
    }
    /// Failed non-transactional files: partly applied, `repair` must clear them first.
    public var blockedFailures: [MigrationStatusEntry] {
        entries.filter { if case .failed(let record) = $0.state { !record.transactional } else { false } }
    }
    /// History rows without a file.
    public var missingFiles: [MigrationStatusEntry] {
        entries.filter { if case .missingFile = $0.state { true } else { false } }
    }
    /// Whether anything keeps `up` from running: a changed applied file or a partly applied failure.
    public var isBlocked: Bool { !changed.isEmpty || !blockedFailures.isEmpty }
}
