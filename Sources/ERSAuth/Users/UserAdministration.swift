import Foundation
import PostgresNIO

/// Adding, disabling and listing users (`ers-server users …`), each change written to
/// `audit_logs`.
public struct UserAdministration: Sendable {
    let users: UserStore
    let audit: AuditLog
    let hasher: PasswordHasher
    let sessions: (any SessionStore)?

    /// Changes go to `users`, recorded in `audit`; disabling ends the user's sessions in
    /// `sessions` when given (Redis; in-memory sessions of a running server end with their tokens).
    public init(users: UserStore, audit: AuditLog, hasher: PasswordHasher, sessions: (any SessionStore)?) {
        self.users = users
        self.audit = audit
        self.hasher = hasher
        self.sessions = sessions
    }

    /// Adds a user with a bcrypt hash of `password`.
    /// - Throws: ``UserAdministrationError`` (bad name, role or password; name taken), or
    ///   PostgreSQL errors.
    public func add(username: String, password: String, roles: [String], actor: String = "ers-server users add") async throws -> UserRecord {
        let name = try UserName.normalized(username)
        for role in roles where !UserName.isValidRole(role) { throw UserAdministrationError.invalidRole(role) }
        let hash: String
        do {
            hash = try await hasher.hash(password)
        } catch {
            throw UserAdministrationError.password(error)
        }
        // The row and its audit row commit together, or neither does.
        let users = self.users, audit = self.audit
        try await Self.unwrappingTransactionErrors {
            try await users.client.withTransaction(logger: users.logger) { connection in
                guard try await users.insert(username: name, passwordHash: hash, roles: roles, on: connection) else {
                    throw UserAdministrationError.exists(name)
                }
                try await audit.record(AuditEvent(action: .userCreated, userID: name, resourceType: "user", resourceID: name,
                                                  details: ["roles": roles.joined(separator: ","), "by": actor]), on: connection)
            }
        }
        return try await users.find(name) ?? UserRecord(username: name, passwordHash: hash, roles: roles, disabled: false, createdAt: .now)
    }

    /// Disables a user and ends its sessions; returns how many sessions ended.
    /// - Throws: ``UserAdministrationError/notFound(_:)``, PostgreSQL or Redis errors.
    public func disable(username: String, actor: String = "ers-server users disable") async throws -> Int {
        let name = try UserName.normalized(username)
        // Sessions end before the transaction commits: if the commit fails, the user stays
        // enabled and has to log in again, which is the safe side.
        let users = self.users, audit = self.audit, sessions = self.sessions
        return try await Self.unwrappingTransactionErrors {
            try await users.client.withTransaction(logger: users.logger) { connection in
                guard try await users.disable(name, on: connection) else { throw UserAdministrationError.notFound(name) }
                let ended = try await sessions?.revokeAll(username: name) ?? 0
                try await audit.record(AuditEvent(action: .userDisabled, userID: name, resourceType: "user", resourceID: name,
                                                  details: ["sessions_ended": String(ended), "by": actor]), on: connection)
                return ended
            }
        }
    }

    /// Every user, by name.
    /// - Throws: PostgreSQL errors.
    public func list() async throws -> [UserRecord] {
        try await users.list()
    }

    /// Runs `body`, rethrowing a ``UserAdministrationError`` thrown inside a transaction as
    /// itself (postgres-nio wraps closure errors in `PostgresTransactionError`).
    private static func unwrappingTransactionErrors<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError as? UserAdministrationError { throw inner }
            throw error
        }
    }
}
