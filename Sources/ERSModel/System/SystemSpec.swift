/// The whole Enterprise Reporting System as one environment deploys it: the typed form of an
/// environment's spec (`environments/base.yaml` overlaid with e.g. `production.yaml`).
///
/// Build one in Swift code or load one with `ERSSpec.SpecLoader`; check it with
/// ``validate()`` before rendering. Field names follow the YAML spec, which follows the
/// Kubernetes API field names where a field maps onto one.
public struct SystemSpec: Sendable, Hashable, Codable {
    /// The system's name, used as the `app.kubernetes.io/part-of` label (DNS-1123 label).
    public var name: String
    /// The environment this spec describes (`development`, `staging`, `production`, …).
    public var environment: String
    /// The Kubernetes namespace every namespaced resource is rendered into (DNS-1123 label).
    public var namespace: String
    /// Extra labels put on every rendered resource (Kubernetes label keys and values).
    public var labels: [String: String]?
    /// Where images come from and which tag they get by default.
    public var images: ImageDefaults
    /// The services, in the order they are rendered.
    public var services: [Service]
    /// The datastores (PostgreSQL, Redis) the services use.
    public var datastores: [Datastore]
    /// The nginx API gateway: which service runs it, its routes and limits.
    public var gateway: Gateway
    /// The range-partitioned PostgreSQL tables (`reports`, `audit_logs`).
    public var partitionedTables: [PartitionedTable]
    /// Periodic collections the scheduler starts.
    public var collectionSchedules: [CollectionSchedule]

    /// Creates a spec. Every list may be empty except `services`; call ``validate()`` to check it.
    public init(
        name: String, environment: String, namespace: String, labels: [String: String]? = nil,
        images: ImageDefaults, services: [Service], datastores: [Datastore] = [], gateway: Gateway,
        partitionedTables: [PartitionedTable] = [], collectionSchedules: [CollectionSchedule] = []
    ) {
        self.name = name
        self.environment = environment
        self.namespace = namespace
        self.labels = labels
        self.images = images
        self.services = services
        self.datastores = datastores
        self.gateway = gateway
        self.partitionedTables = partitionedTables
        self.collectionSchedules = collectionSchedules
    }
}

extension SystemSpec {
    private enum CodingKeys: String, CodingKey {
        case name, environment, namespace, labels, images, services, datastores, gateway, partitionedTables, collectionSchedules
    }

    /// Decodes a spec; absent lists decode as empty.
    /// - Throws: `DecodingError` when a value has the wrong shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            environment: try container.decode(String.self, forKey: .environment),
            namespace: try container.decode(String.self, forKey: .namespace),
            labels: try container.decodeIfPresent([String: String].self, forKey: .labels),
            images: try container.decode(ImageDefaults.self, forKey: .images),
            services: try container.decode([Service].self, forKey: .services),
            datastores: try container.decodeIfPresent([Datastore].self, forKey: .datastores) ?? [],
            gateway: try container.decode(Gateway.self, forKey: .gateway),
            partitionedTables: try container.decodeIfPresent([PartitionedTable].self, forKey: .partitionedTables) ?? [],
            collectionSchedules: try container.decodeIfPresent([CollectionSchedule].self, forKey: .collectionSchedules) ?? []
        )
    }

    /// The service called `name`, or nil.
    public func service(named name: String) -> Service? { services.first { $0.name == name } }
    /// The datastore called `name`, or nil.
    public func datastore(named name: String) -> Datastore? { datastores.first { $0.name == name } }
    /// The full image reference (`registry/repository:tag`) of `image`, with the system's
    /// default registry and tag filled in where the image does not name its own.
    public func resolvedImage(_ image: ImageReference) -> String {
        image.resolved(registry: images.registry, defaultTag: images.tag)
    }
}
