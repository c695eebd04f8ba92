import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a new password from a file or standard input — never from the command line, where
/// `ps` and shell history would show it. One trailing line break is removed.
enum PasswordInput {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(file: String?) throws -> String {
        if let file {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw Failure(description: "cannot read the password file \(file): \(error.localizedDescription)")
            }
            return try text(data, source: file)
        }
        if isatty(STDIN_FILENO) == 1 {
            guard let first = getpass("Password: ").map({ String(cString: $0) }),
                  let second = getpass("Password again: ").map({ String(cString: $0) })
            else { throw Failure(description: "no password was entered") }
            guard first == second else { throw Failure(description: "the two passwords differ; run the command again") }
            return first
        }
        return try text(FileHandle.standardInput.readDataToEndOfFile(), source: "standard input")
    }

    private static func text(_ data: Data, source: String) throws -> String {
        guard var text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "the password from \(source) is not UTF-8")
        }
        if text.hasSuffix("\r\n") { text.removeLast(2) } else if text.hasSuffix("\n") { text.removeLast() }
        guard !text.isEmpty else { throw Failure(description: "the password from \(source) is empty; pipe or write the password into it") }
        return text
    }
}
