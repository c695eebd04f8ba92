import ERSDatabase
import ERSModel
import Foundation

/// The text `partitions status` prints for one table.
enum PartitionStatusText {
    /// Header, one line per partition, then DEFAULT rows, gaps, coverage, problems.
    static func lines(for status: PartitionTableStatus) -> [String] {
        let table = status.inventory.table
        let retention = table.retention.map { "retention \($0.months) months, then \($0.action.rawValue)" } ?? "no retention"
        var lines = ["\(status.inventory.schema).\(table.name) — premake \(table.premake), \(retention), as of \(status.asOf) (UTC)"]
        let width = max(status.inventory.partitions.map(\.name.count).max() ?? 0, 9)
        lines.append("  " + pad("partition", width) + "  " + pad("bounds (UTC)", 72) + "  estimated rows")
        for partition in status.inventory.partitions {
            let bound = partition.bound.hasPrefix("FOR VALUES ") ? String(partition.bound.dropFirst(11)) : partition.bound
            let rows = partition.estimatedRows < 0 ? "unknown (never analysed)" : String(Int64(partition.estimatedRows))
            let pending = partition.detachPending ? "  DETACH PENDING (maintain finishes it)" : ""
            lines.append("  " + pad(partition.name, width) + "  " + pad(bound, 72) + "  " + rows + pending)
        }
        if status.inventory.partitions.isEmpty { lines.append("  (no partitions)") }
        if let defaultPartition = status.inventory.defaultPartition {
            let months = status.inventory.defaultRowsByMonth.map { "\($0.month): \($0.rows)" }.joined(separator: ", ")
            lines.append("  DEFAULT \(defaultPartition.name): \(status.defaultRows) rows\(months.isEmpty ? "" : " (\(months))")")
        } else {
            lines.append("  DEFAULT: none")
        }
        lines.append("  gaps: " + (status.gaps.isEmpty ? "none" : status.gaps.map(\.description).joined(separator: ", ")))
        let coverage: String
        if let ahead = status.monthsAhead {
            coverage = "\(ahead) month\(ahead == 1 ? "" : "s") ahead (through \(status.asOf.advanced(by: ahead))), premake \(table.premake)"
        } else {
            coverage = "the current month \(status.asOf) has no partition"
        }
        lines.append("  coverage: \(coverage)\(status.isBelowPremake ? " — BELOW PREMAKE: run `ersctl partitions maintain`" : "")")
        for problem in status.problems { lines.append("  problem: \(problem.message)") }
        let pending = status.plan.actions.count
        if pending > 0 { lines.append("  maintain would make \(pending) change\(pending == 1 ? "" : "s") (see `ersctl partitions plan`)") }
        return lines
    }

    /// `text` padded with spaces to `width`.
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
