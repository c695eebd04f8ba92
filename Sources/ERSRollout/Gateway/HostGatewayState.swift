public import ERSModel

/// The host gateway as the executor left it (`gateway.json` in the state directory): the spec
/// it renders, where nginx runs, and each routed service's traffic split. Every release of
/// every service changes it under the gateway lock, so two releases never overwrite each
/// other's weights.
public struct HostGatewayState: Sendable, Hashable, Codable {
    /// The spec the config is rendered from (the one the latest `start` was given).
    public var spec: SystemSpec
    /// Where nginx runs.
    public var settings: HostGatewaySettings
    /// Traffic per service name (every service the gateway routes to).
    public var traffic: [String: ServiceTraffic]

    /// Creates a state.
    public init(spec: SystemSpec, settings: HostGatewaySettings, traffic: [String: ServiceTraffic]) {
        self.spec = spec
        self.settings = settings
        self.traffic = traffic
    }

    /// The first state for `spec`: every routed service on its active slot (blueGreen
    /// `activeSlot`, else blue) with all traffic, its version the spec's tag.
    public static func initial(spec: SystemSpec, settings: HostGatewaySettings) -> HostGatewayState {
        var traffic: [String: ServiceTraffic] = [:]
        for service in spec.services where service.rollout?.host != nil {
            let slot = service.rollout?.blueGreen?.effectiveActiveSlot ?? .blue
            traffic[service.name] = ServiceTraffic(stableSlot: slot, stableVersion: service.image.tag ?? spec.images.tag)
        }
        return HostGatewayState(spec: spec, settings: settings, traffic: traffic)
    }
}
