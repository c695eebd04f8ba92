/// Blue-green settings (`rollout.blueGreen`, Argo Rollouts `BlueGreenStrategy` terms).
public struct BlueGreenStrategy: Sendable, Hashable, Codable {
    /// Whether the new slot is reachable before promotion: a `<service>-preview` Service in
    /// Kubernetes; on a host, the requests that match `testRouting` (default true).
    public var preview: Bool?
    /// Seconds after the new slot is healthy before it is promoted automatically; nil waits for
    /// a manual `ersctl rollout promote`.
    public var autoPromotionSeconds: Int?
    /// Seconds the old slot keeps running after promotion, once the gateway sees no more
    /// traffic to it (default 30).
    public var scaleDownDelaySeconds: Int?
    /// The slot that serves now (default blue). Kubernetes renders the active Service selecting
    /// it; after a promotion to the other slot, set this (and the image tag) to match.
    public var activeSlot: RolloutSlot?

    /// Creates settings.
    public init(preview: Bool? = nil, autoPromotionSeconds: Int? = nil, scaleDownDelaySeconds: Int? = nil, activeSlot: RolloutSlot? = nil) {
        self.preview = preview
        self.autoPromotionSeconds = autoPromotionSeconds
        self.scaleDownDelaySeconds = scaleDownDelaySeconds
        self.activeSlot = activeSlot
    }

    /// The default of ``scaleDownDelaySeconds``.
    public static let defaultScaleDownDelaySeconds = 30

    /// `preview` or its default, true.
    public var effectivePreview: Bool { preview ?? true }
    /// `scaleDownDelaySeconds` or its default.
    public var effectiveScaleDownDelaySeconds: Int { scaleDownDelaySeconds ?? Self.defaultScaleDownDelaySeconds }
    /// `activeSlot` or its default, blue.
    public var effectiveActiveSlot: RolloutSlot { activeSlot ?? .blue }
}
