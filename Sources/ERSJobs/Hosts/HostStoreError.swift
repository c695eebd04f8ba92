/// Why a ``HostStore`` operation did not happen; `description` says what to do.
public enum HostStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `hosts_name_key`: another host has this name.
    case nameTaken(String)
    /// No host has this name.
    case notFound(String)
    /// The port is not 1–65535.
    case invalidPort(Int)
    /// A port was given for a `local` host (the worker runs the report script itself; no port).
    case portNotApplicable(String)
    /// A stored row that does not satisfy the fleet rules (edited by hand?).
    case corruptRow(name: String, reason: String)

    public var description: String {
        switch self {
        case .nameTaken(let name): "a host named \"\(name)\" already exists; choose another name, or PATCH /api/v1/hosts/\(name) to change it"
        case .notFound(let name): "no host is named \"\(name)\"; GET /api/v1/hosts lists them"
        case .invalidPort(let port): "port \(port) is out of range; give 1–65535"
        case .portNotApplicable(let name):
            "host \"\(name)\" uses transport local, which has no port (the worker runs the report script itself); leave \"port\" out, or change \"transport\" too"
        case let .corruptRow(name, reason): "the stored host \"\(name)\" is invalid (\(reason)); fix the row in the hosts table"
        }
    }
}
