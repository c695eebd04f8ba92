/// Why a user change was refused. Messages never contain a password.
public enum UserAdministrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name breaks the user-name rule.
    case invalidName(String)
    /// A role breaks the role rule.
    case invalidRole(String)
    /// The password breaks the policy.
    case password(PasswordPolicyError)
    /// The name is taken (by an active or a disabled user: names are never reused).
    case exists(String)
    /// No such user.
    case notFound(String)

    /// The message.
    public var description: String {
        switch self {
        case .invalidName(let message): message
        case .invalidRole(let role): "'\(role.prefix(60))' is not a valid role; use 1–50 of a-z 0-9 _ - starting with a letter or digit"
        case .password(let problem): problem.description
        case .exists(let name): "user '\(name)' exists already (a disabled user keeps its name: `ers-server users list` shows it); pick another name"
        case .notFound(let name): "there is no user '\(name)'; `ers-server users list` shows the users"
        }
    }
}
