/// The roles the collection API knows, from least to most: each includes the rights of the
/// roles below it (admin ⊇ operator ⊇ viewer).
///
/// | role | may |
/// |---|---|
/// | `viewer` | read hosts, collections and reports |
/// | `operator` | also start collections |
/// | `admin` | also create, change, disable and delete hosts, and read the audit log |
///
/// A user's level is the highest of its session's roles; other role names (for other
/// services) give no right here.
public enum Role: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case viewer = 1
    case `operator` = 2
    case admin = 3

    /// The role named `name` (`viewer`, `operator`, `admin`), nil for any other.
    public init?(name: String) {
        switch name {
        case "viewer": self = .viewer
        case "operator": self = .operator
        case "admin": self = .admin
        default: return nil
        }
    }

    /// The highest known role among `names`; nil when none is known.
    public static func highest(of names: [String]) -> Role? {
        names.compactMap(Role.init(name:)).max()
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .viewer: "viewer"
        case .operator: "operator"
        case .admin: "admin"
        }
    }
}

/// The caller of a request: a user with a valid token and live session.
public struct Principal: Sendable, Hashable {
    /// The user name (the token's `sub`).
    public var username: String
    /// The highest known role of the session.
    public var role: Role
}
