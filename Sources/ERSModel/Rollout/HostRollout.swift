/// A service on a single host or VM behind the rendered nginx gateway (`rollout.host`): the
/// address of each slot and the commands that start and stop a version in a slot. The
/// `ersctl rollout` executor uses it; the gateway on that host needs it for every service it
/// routes to.
///
/// Commands are argument vectors run without a shell. In every argument `{service}`,
/// `{slot}`, `{version}`, `{image}`, `{address}`, `{host}` and `{port}` are replaced; the same
/// values are in the environment as `ERS_SERVICE`, `ERS_SLOT`, `ERS_VERSION`, `ERS_IMAGE`,
/// `ERS_ADDRESS`, `ERS_HOST` and `ERS_PORT`. A command must return once the version is started
/// (or stopped); a non-zero exit status fails the step. For compose, e.g.
/// `[docker, compose, up, --detach, --no-deps, "{service}-{slot}"]`.
public struct HostRollout: Sendable, Hashable, Codable {
    /// The `host:port` the gateway reaches each slot at.
    public var slots: HostSlots
    /// Starts `{version}` in `{slot}`.
    public var deploy: [String]
    /// Stops whatever runs in `{slot}`.
    public var stop: [String]
    /// Path of the health endpoint (default: the readiness probe's path, else `/health`). It
    /// must answer 200 and report the version (see ``versionHeader``).
    public var healthPath: String?
    /// Response header carrying the running version; nil: the health response is a JSON object
    /// with a `version` string.
    public var versionHeader: String?
    /// Seconds the new version has to become healthy with the expected version (default 120).
    public var startTimeoutSeconds: Int?
    /// Seconds a deploy or stop command may run before it is killed (default 300).
    public var commandTimeoutSeconds: Int?

    /// Creates host settings.
    public init(
        slots: HostSlots, deploy: [String], stop: [String], healthPath: String? = nil, versionHeader: String? = nil,
        startTimeoutSeconds: Int? = nil, commandTimeoutSeconds: Int? = nil
    ) {
        self.slots = slots
        self.deploy = deploy
        self.stop = stop
        self.healthPath = healthPath
        self.versionHeader = versionHeader
        self.startTimeoutSeconds = startTimeoutSeconds
        self.commandTimeoutSeconds = commandTimeoutSeconds
    }

    /// The default of ``startTimeoutSeconds``.
    public static let defaultStartTimeoutSeconds = 120
    /// The default of ``commandTimeoutSeconds``.
    public static let defaultCommandTimeoutSeconds = 300

    /// The address of `slot`.
    public func address(of slot: RolloutSlot) -> String {
        switch slot {
        case .blue: slots.blue
        case .green: slots.green
        }
    }
}
