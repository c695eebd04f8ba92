import Foundation

/// Small readers of rendered nginx config text, for assertions.
enum ConfigText {
    /// The body lines (trimmed) of each multi-line `location … {` block, keyed by the
    /// location's parameters (`= /auth`, `/auth/`, `@error_401` is one-line and left out).
    static func locations(in text: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var current: String?
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed.hasPrefix("location "), trimmed.hasSuffix("{") {
                let key = trimmed.dropFirst("location ".count).dropLast().trimmingCharacters(in: .whitespaces)
                current = key
                result[key] = []
            } else if let key = current {
                if trimmed == "}" { current = nil } else { result[key, default: []].append(trimmed) }
            }
        }
        return result
    }

    /// The lines that are not upstream `server` lines, do not carry the config generation and
    /// are not the header line naming the target.
    static func withoutAddresses(_ text: String, generation: String) -> [String] {
        text.components(separatedBy: "\n").filter { line in
            !line.trimmingCharacters(in: .whitespaces).hasPrefix("server ") && !line.contains(generation)
                && !line.hasPrefix("# nginx.conf of the")
        }
    }
}
