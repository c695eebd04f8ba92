/// User names and roles: lower-case ASCII, so they are safe in HTTP headers (`X-User`,
/// `X-Roles`), Redis keys and log lines, and compare the same everywhere.
public enum UserName {
    /// Most characters (the `audit_logs.user_id` column is `varchar(100)`).
    public static let maximumLength = 100

    /// `text` lower-cased when it is a valid name: `[a-z0-9][a-z0-9._@-]{0,99}`.
    /// - Throws: ``UserAdministrationError/invalidName(_:)``.
    public static func normalized(_ text: String) throws(UserAdministrationError) -> String {
        let name = text.lowercased()
        guard isValid(name) else {
            throw .invalidName("'\(text.prefix(40))' is not a valid user name; use 1–\(maximumLength) of a-z 0-9 . _ @ - starting with a letter or digit")
        }
        return name
    }

    /// Whether `name` is already a valid, lower-case user name.
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...maximumLength).contains(bytes.count), let first = bytes.first, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "-") }
    }

    /// Whether `role` is `[a-z0-9][a-z0-9_-]{0,49}`.
    public static func isValidRole(_ role: String) -> Bool {
        let bytes = Array(role.utf8)
        guard (1...50).contains(bytes.count), let first = bytes.first, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
