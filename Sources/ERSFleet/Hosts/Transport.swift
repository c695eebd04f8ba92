/// How a worker reaches a host to collect its report (`hosts.transport`).
public enum Transport: String, Sendable, CaseIterable, Codable {
    /// The OpenSSH client: the report script on stdin, its output on stdout. Default port 22.
    case ssh
    /// An HTTP(S) agent on the host answering `GET /report` (async-http-client). Default port 443.
    case http
    /// The worker's own host: the report script run locally. Port unused.
    case local

    /// The port used when a host gives none: 22 for ssh, 443 for http, 0 (unused) for local.
    public var defaultPort: Int {
        switch self {
        case .ssh: 22
        case .http: 443
        case .local: 0
        }
    }
}
