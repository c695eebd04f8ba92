import Foundation

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
        guard try await users.insert(username: name, passwordHash: hash, roles: roles) else {
            throw UserAdministrationError.exists(name)
        }
        try await audit.record(AuditEvent(action: .userCreated, userID: name, resourceType: "user", resourceID: name,
                                          details: ["roles": roles.joined(separator: ","), "by": actor]))
        return try await users.find(name) ?? UserRecord(username: name, passwordHash: hash, roles: roles, disabled: false, createdAt: .now)
    }

    /// Disables a user and ends its sessions; returns how many sessions ended.
    /// - Throws: ``UserAdministrationError/notFound(_:)``, PostgreSQL or Redis errors.
    public func disable(username: String, actor: String = "ers-server users disable") async throws -> Int {
        let name = try UserName.normalized(username)
        guard try await users.disable(name) else { throw UserAdministrationError.notFound(name) }
        let ended = try await sessions?.revokeAll(username: name) ?? 0
        try await audit.record(AuditEvent(action: .userDisabled, userID: name, resourceType: "user", resourceID: name,
                                          details: ["sessions_ended": String(ended), "by": actor]))
        return ended
    }

    /// Every user, by name.
    /// - Throws: PostgreSQL errors.
    public func list() async throws -> [UserRecord] {
        try await users.list()
    }
}
