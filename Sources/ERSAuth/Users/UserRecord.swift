public import Foundation

/// A row of the `users` table (`sql/0100_create_users.sql`).
public struct UserRecord: Sendable, Hashable {
    /// Lower-case user name.
    public var username: String
    /// bcrypt hash (`$2b$12$…`). Never log it.
    public var passwordHash: String
    /// Roles, passed to upstreams in `X-Roles`.
    public var roles: [String]
    /// A disabled user cannot log in and has no sessions.
    public var disabled: Bool
    /// When the row was created.
    public var createdAt: Date
}
