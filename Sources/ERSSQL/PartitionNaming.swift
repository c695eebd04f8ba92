public import ERSModel

/// The names ERS gives to what belongs to a partitioned table; the DDL renderer and partition
/// maintenance use these and nothing else, so both agree.
///
/// - monthly partition: `<table>_pYYYY_MM` (`reports_p2026_01`)
/// - DEFAULT partition: `<table>_default`
/// - primary key constraint (and its index): `<table>_pkey`
/// - identity sequence (PostgreSQL's own choice, checked so it is never truncated):
///   `<table>_<column>_seq`
///
/// All are checked against the 63-byte identifier limit by the validation, never truncated.
/// Maintenance recognises partitions by their bounds, not by these names (an operator may have
/// created one by hand); the names only decide what a new partition is called.
public enum PartitionNaming {
    /// Bytes `_pYYYY_MM` adds to the table name: 9, so a table name has at most 54 bytes.
    public static let monthSuffixLength = 9

    /// `<table>_pYYYY_MM`, e.g. `reports_p2026_01` (years zero-padded to four digits).
    public static func partition(of table: String, month: YearMonth) -> String {
        let text = month.description
        let year = text.prefix(while: { $0 != "-" })
        let monthNumber = text.suffix(2)
        return "\(table)_p\(year)_\(monthNumber)"
    }

    /// The month of a partition named `<table>_pYYYY_MM`, or nil when `name` is not one.
    public static func month(ofPartitionNamed name: String, table: String) -> YearMonth? {
        let prefix = "\(table)_p"
        guard name.hasPrefix(prefix) else { return nil }
        let rest = Array(name.utf8.dropFirst(prefix.utf8.count))
        guard rest.count == 7, rest[4] == UInt8(ascii: "_") else { return nil }
        var text = rest
        text[4] = UInt8(ascii: "-")
        return YearMonth(String(decoding: text, as: UTF8.self))
    }

    /// `<table>_default`.
    public static func defaultPartition(of table: String) -> String { "\(table)_default" }

    /// `<table>_pkey`, PostgreSQL's default name for the primary key, written explicitly.
    public static func primaryKey(of table: String) -> String { "\(table)_pkey" }

    /// `<table>_<column>_seq`, the sequence PostgreSQL creates for an identity column.
    public static func identitySequence(of table: String, column: String) -> String { "\(table)_\(column)_seq" }
}
