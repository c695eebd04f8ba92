import Foundation

/// Writes `message` and a newline to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("ers-server: \(message)\n".utf8))
}
