import Foundation

/// Where ersctl-db writes: results to stdout, progress and errors to stderr.
enum Console {
    /// Writes `line` and a newline to stdout.
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes `line` and a newline to stderr.
    static func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// `ersctl-db: error: <message>` on stderr.
    static func error(_ message: String) {
        err("ersctl-db: error: \(message)")
    }
}
