import Foundation
import Testing

/// Golden files under `Tests/ERSComposeTests/Golden/`: compared byte for byte, rewritten when
/// the environment has `ERS_UPDATE_GOLDEN=1`.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["ERS_UPDATE_GOLDEN"] == "1" }

    /// Checks `text` against the golden file `name` (or writes it when updating).
    static func check(_ text: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: url, encoding: .utf8)
        #expect(expected != nil, "missing golden file \(name); run with ERS_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        if let expected, expected != text {
            let diff = firstDifference(expected, text)
            Issue.record("\(name) differs from the render at line \(diff.line):\n  golden: \(diff.expected)\n  render: \(diff.actual)\nrun with ERS_UPDATE_GOLDEN=1 to accept", sourceLocation: sourceLocation)
        }
    }

    private static func firstDifference(_ lhs: String, _ rhs: String) -> (line: Int, expected: String, actual: String) {
        let left = lhs.components(separatedBy: "\n"), right = rhs.components(separatedBy: "\n")
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? left[index] : "<end>", r = index < right.count ? right[index] : "<end>"
            if l != r { return (index + 1, l, r) }
        }
        return (0, "", "")
    }
}
