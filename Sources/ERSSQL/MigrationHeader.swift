/// The comment block every rendered migration file starts with, and the marker line the
/// migration runner looks for there.
///
/// A file whose header contains the line ``nonTransactionalMarker`` is run statement by
/// statement outside a transaction (for `CREATE INDEX CONCURRENTLY`, which PostgreSQL refuses
/// inside a transaction block — docs `CREATE INDEX`, "Building Indexes Concurrently"); every
/// other file runs in one transaction. The files ``PartitionDDLRenderer`` writes are all
/// transactional: `CONCURRENTLY` is not supported on a partitioned parent anyway.
public enum MigrationHeader {
    /// `-- ers:migrate no-transaction`: a header line (exactly this text, trailing blanks
    /// ignored) that makes the runner apply the file outside a transaction.
    public static let nonTransactionalMarker = "-- ers:migrate no-transaction"

    /// Whether the leading comment lines of `sql` (before the first line that is neither blank
    /// nor a `--` comment) contain ``nonTransactionalMarker``.
    public static func isNonTransactional(_ sql: String) -> Bool {
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()
            if String(text) == nonTransactionalMarker { return true }
            if !(text.isEmpty || String(text).hasPrefix("--")) { return false }
        }
        return false
    }

    /// `lines` as `-- ` comment lines (an empty line becomes `--`), then a blank line.
    static func render(_ lines: [String]) -> String {
        lines.map { $0.isEmpty ? "--" : "-- \($0)" }.joined(separator: "\n") + "\n\n"
    }
}
