/// A login name for ssh (`hosts.ssh_user`): a POSIX-portable user name as `useradd(8)` accepts
/// by default — a lower-case letter or `_`, then lower-case letters, digits, `_` or `-`; 32
/// bytes at most. Never begins with `-`.
public struct SSHUser: Hashable, Sendable, CustomStringConvertible {
    /// The validated name.
    public let name: String

    /// Validates `name`.
    /// - Throws: ``HostAddressError`` (reused: it quotes the text and the rule).
    public init(_ name: String) throws(HostAddressError) {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 32 else {
            throw HostAddressError(name, "is not a valid SSH user: 1 to 32 bytes")
        }
        let lower = UInt8(ascii: "a")...UInt8(ascii: "z"), digit = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard lower.contains(first) || first == UInt8(ascii: "_"),
              bytes.allSatisfy({ lower.contains($0) || digit.contains($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
        else {
            throw HostAddressError(name, "is not a valid SSH user: a lower-case letter or '_', then lower-case letters, digits, '_' or '-'")
        }
        self.name = name
    }

    public var description: String { name }
}
