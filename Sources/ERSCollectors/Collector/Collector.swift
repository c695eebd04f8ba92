public import ERSFleet

/// Collects one report from one host. Implementations: the SSH, HTTP and local collectors.
///
/// A collector never throws: every way a collection can go wrong is a ``CollectionFailure``
/// with its ``CollectionFailure/Kind`` (transient: worth retrying; permanent: not), so the
/// worker records it instead of dropping it.
public protocol Collector: Sendable {
    /// Collects `reportType` from `target`, within the collector's configured timeouts.
    func collect(_ target: CollectionTarget, reportType: String) async -> CollectionOutcome
}

/// What a collector needs to know about a host (a row of `hosts`, validated).
public struct CollectionTarget: Sendable, Hashable {
    /// The host's name in ERS (`hosts.name`, `reports.hostname`).
    public var name: HostAddress
    /// Where to connect (`hosts.address`).
    public var address: HostAddress
    /// TCP port (1–65535; unused for `local`).
    public var port: Int
    /// How to reach it.
    public var transport: Transport
    /// Login name for ssh; nil: the worker's configured default.
    public var sshUser: SSHUser?

    /// A target: the host's registered `name`, the `address` to connect to, the TCP `port`
    /// (1–65535; ignored for `local`), the `transport` and an optional SSH login.
    public init(name: HostAddress, address: HostAddress, port: Int, transport: Transport, sshUser: SSHUser? = nil) {
        self.name = name
        self.address = address
        self.port = port
        self.transport = transport
        self.sshUser = sshUser
    }
}

/// The result of one collection attempt.
public enum CollectionOutcome: Sendable {
    case collected(CollectedReport)
    case failed(CollectionFailure)
}

/// A report as stored in `reports.data`.
public struct CollectedReport: Sendable, Hashable {
    /// A JSON object (UTF-8 text) for `reports.data`: the parsed sections, each with its
    /// status, and the raw text the host sent.
    public var json: String
    /// Wall time of the collection, in seconds.
    public var seconds: Double

    /// A collected report: the `reports.data` JSON text and the collection's wall time in seconds.
    public init(json: String, seconds: Double) {
        self.json = json
        self.seconds = seconds
    }
}

/// Why a collection attempt failed.
public struct CollectionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether a retry can help.
    public enum Kind: String, Sendable, Hashable {
        /// Timeouts, refused or reset connections, a host that is down: retry with backoff.
        case transient
        /// A changed host key, refused authentication, an invalid host, an unknown report
        /// type: a retry would fail the same way.
        case permanent
    }

    /// Whether a retry may succeed.
    public var kind: Kind
    /// What happened, for `jobs.last_error` and logs (never a secret).
    public var message: String

    /// A failure of `kind` described by `message` (stored in `jobs.last_error`; never a secret).
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `transient: …` or `permanent: …`.
    public var description: String { "\(kind.rawValue): \(message)" }
}
