import Foundation
public import PostgresNIO

/// The `users` table in PostgreSQL.
public struct UserStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// Users in the database of `client`.
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The user named `username` (already normalised), nil when there is none.
    /// - Throws: PostgreSQL errors.
    public func find(_ username: String) async throws -> UserRecord? {
        let rows = try await client.query(
            "SELECT username, password_hash, roles, disabled, created_at FROM users WHERE username = \(username)", logger: logger)
        for try await (name, hash, roles, disabled, created) in rows.decode((String, String, [String], Bool, Date).self) {
            return UserRecord(username: name, passwordHash: hash, roles: roles, disabled: disabled, createdAt: created)
        }
        return nil
    }

    /// Inserts a user on `connection` (inside the caller's transaction); false when the name is taken.
    /// - Throws: PostgreSQL errors.
    public func insert(username: String, passwordHash: String, roles: [String], on connection: PostgresConnection) async throws -> Bool {
        let rows = try await connection.query("""
            INSERT INTO users (username, password_hash, roles) VALUES (\(username), \(passwordHash), \(roles))
            ON CONFLICT (username) DO NOTHING RETURNING username
            """, logger: logger)
        for try await _ in rows { return true }
        return false
    }

    /// Marks a user disabled on `connection` (inside the caller's transaction); false when there is no such user.
    /// - Throws: PostgreSQL errors.
    public func disable(_ username: String, on connection: PostgresConnection) async throws -> Bool {
        let rows = try await connection.query(
            "UPDATE users SET disabled = true, updated_at = now() WHERE username = \(username) RETURNING username", logger: logger)
        for try await _ in rows { return true }
        return false
    }

    /// Every user, by name.
    /// - Throws: PostgreSQL errors.
    public func list() async throws -> [UserRecord] {
        let rows = try await client.query(
            "SELECT username, password_hash, roles, disabled, created_at FROM users ORDER BY username", logger: logger)
        var users: [UserRecord] = []
        for try await (name, hash, roles, disabled, created) in rows.decode((String, String, [String], Bool, Date).self) {
            users.append(UserRecord(username: name, passwordHash: hash, roles: roles, disabled: disabled, createdAt: created))
        }
        return users
    }
}
