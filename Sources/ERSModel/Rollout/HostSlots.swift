/// The two slots' addresses (`rollout.host.slots`), `host:port` each.
public struct HostSlots: Sendable, Hashable, Codable {
    /// Where the blue slot listens, e.g. `127.0.0.1:8081`.
    public var blue: String
    /// Where the green slot listens, e.g. `127.0.0.1:8082`.
    public var green: String

    /// Creates slots.
    public init(blue: String, green: String) {
        self.blue = blue
        self.green = green
    }
}
