/// Compute resources of a container (Kubernetes `ResourceRequirements`).
public struct ResourceRequirements: Sendable, Hashable, Codable {
    /// What the scheduler reserves.
    public var requests: ResourceList?
    /// The most the container may use.
    public var limits: ResourceList?

    /// Creates requirements.
    public init(requests: ResourceList? = nil, limits: ResourceList? = nil) {
        self.requests = requests
        self.limits = limits
    }
}

/// CPU (cores; `250m` is a quarter core) and memory (bytes; `256Mi`) quantities.
public struct ResourceList: Sendable, Hashable, Codable {
    /// CPU in cores, e.g. `500m`.
    public var cpu: Quantity?
    /// Memory in bytes, e.g. `512Mi`.
    public var memory: Quantity?
    /// Ephemeral storage in bytes, e.g. `1Gi`.
    public var ephemeralStorage: Quantity?

    /// Creates a list.
    public init(cpu: Quantity? = nil, memory: Quantity? = nil, ephemeralStorage: Quantity? = nil) {
        self.cpu = cpu
        self.memory = memory
        self.ephemeralStorage = ephemeralStorage
    }

    private enum CodingKeys: String, CodingKey {
        case cpu, memory
        case ephemeralStorage = "ephemeral-storage"
    }
}
