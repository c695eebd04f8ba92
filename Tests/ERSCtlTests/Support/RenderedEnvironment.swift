import ERSModel
import ERSRender
import Foundation

@testable import ERSCtlCommands

/// The repository's environments rendered in memory, as `ersctl render` renders them.
enum RenderedEnvironment {
    /// The repository root, found from this file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The environments the tests render.
    static let names = ["base", "development", "staging", "production"]

    /// The month the golden files are rendered for.
    static let asOf = YearMonth(year: 2026, month: 1) ?? YearMonth(monthsSinceYearZero: 2026 * 12)

    /// Renders `environments/<name>.yaml`.
    static func render(_ name: String) -> SpecRendering {
        SpecRendering(path: root.appendingPathComponent("environments/\(name).yaml").path, asOf: asOf)
    }

    /// Path → contents.
    static func files(_ name: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: render(name).files.map { ($0.path, $0.contents) })
    }
}
