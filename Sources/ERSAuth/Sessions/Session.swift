/// What the server keeps for one issued token: whose it is and which roles it carries. A
/// token verifies only while its session exists.
public struct Session: Sendable, Hashable, Codable {
    /// The user name (the token's `sub`).
    public var username: String
    /// Roles at login time.
    public var roles: [String]
    /// When the token expires, in seconds since 1970 (the token's `exp`).
    public var expiresAt: Int64

    /// A session.
    public init(username: String, roles: [String], expiresAt: Int64) {
        self.username = username
        self.roles = roles
        self.expiresAt = expiresAt
    }
}
