/// What a new password must be. bcrypt reads at most 72 bytes and stops at a NUL byte
/// (OpenBSD bcrypt, as in HummingbirdBcrypt), so longer passwords or passwords with NUL
/// would be silently cut: they are refused instead.
public enum PasswordPolicy {
    /// Fewest characters (NIST SP 800-63B §5.1.1.2 asks for at least 8; ERS asks for 12).
    public static let minimumCharacters = 12
    /// Most UTF-8 bytes bcrypt uses.
    public static let maximumBytes = 72

    /// Checks `password`.
    /// - Throws: ``PasswordPolicyError`` saying what to change.
    public static func validate(_ password: String) throws(PasswordPolicyError) {
        if password.utf8.contains(0) { throw .containsNUL }
        if password.utf8.count > maximumBytes { throw .tooLong(bytes: password.utf8.count) }
        if password.count < minimumCharacters { throw .tooShort(characters: password.count) }
    }
}

/// A password that cannot be set.
public enum PasswordPolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// More than 72 UTF-8 bytes.
    case tooLong(bytes: Int)
    /// Fewer than 12 characters.
    case tooShort(characters: Int)
    /// Contains a NUL byte.
    case containsNUL

    /// What is wrong and what to do (never the password itself).
    public var description: String {
        switch self {
        case .tooLong(let bytes):
            "the password is \(bytes) bytes in UTF-8; bcrypt uses at most \(PasswordPolicy.maximumBytes), so choose one of at most \(PasswordPolicy.maximumBytes) bytes (it is refused rather than silently cut)"
        case .tooShort(let characters):
            "the password has \(characters) characters; use at least \(PasswordPolicy.minimumCharacters)"
        case .containsNUL:
            "the password contains a NUL byte, where bcrypt would stop reading; remove it"
        }
    }
}
