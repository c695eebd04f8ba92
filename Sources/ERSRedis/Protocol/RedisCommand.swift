import NIOCore

/// One command as sent to the server: a RESP array of bulk strings (`*N\r\n$len\r\narg\r\n…`).
///
/// Its ``description`` names the command only, never its arguments: they can hold passwords
/// (`AUTH`) or session data.
public struct RedisCommand: Sendable, CustomStringConvertible {
    /// The command name, upper case (`GET`, `SET`, `AUTH`).
    public let name: String
    /// The arguments after the name, binary-safe.
    public let arguments: [[UInt8]]

    /// A command with text arguments.
    public init(_ name: String, _ arguments: [String] = []) {
        self.name = name
        self.arguments = arguments.map { Array($0.utf8) }
    }

    /// A command with binary arguments.
    public init(_ name: String, bytes arguments: [[UInt8]]) {
        self.name = name
        self.arguments = arguments
    }

    /// The command name only (arguments may be secret).
    public var description: String { name }

    /// Appends the RESP encoding of the command to `buffer`.
    func encode(into buffer: inout ByteBuffer) {
        buffer.writeString("*\(arguments.count + 1)\r\n$\(name.utf8.count)\r\n")
        buffer.writeString(name)
        buffer.writeString("\r\n")
        for argument in arguments {
            buffer.writeString("$\(argument.count)\r\n")
            buffer.writeBytes(argument)
            buffer.writeString("\r\n")
        }
    }
}
