/// A datastore the services use (`datastores[]`): PostgreSQL or Redis, run in the cluster as a
/// StatefulSet or reached outside it. Services get its URL (`DATABASE_URL`, `REDIS_URL`; never
/// with a password in it) and its password as a file (`DATABASE_PASSWORD_FILE`, …).
public struct Datastore: Sendable, Hashable, Codable {
    /// Name; for in-cluster datastores also the StatefulSet and Service name (DNS-1035 label).
    public var name: String
    /// PostgreSQL or Redis.
    public var engine: DatastoreEngine
    /// In the cluster or external.
    public var placement: DatastorePlacement
    /// The image of an in-cluster datastore.
    public var image: ImageReference?
    /// Host name of an external datastore.
    public var host: String?
    /// TCP port (default 5432 for PostgreSQL, 6379 for Redis).
    public var port: Int?
    /// PostgreSQL database name.
    public var database: String?
    /// User name (PostgreSQL role; Redis ACL user).
    public var user: String?
    /// The Secret key holding the password.
    public var passwordSecret: SecretKeySelector?
    /// PostgreSQL `sslmode` the services use (default `disable` in cluster, `verify-full` external).
    public var sslmode: SSLMode?
    /// CIDR of an external datastore, for the egress NetworkPolicy.
    public var cidr: String?
    /// Persistent volume of an in-cluster datastore.
    public var storage: Storage?
    /// Resources of an in-cluster datastore's container.
    public var resources: ResourceRequirements?

    /// Creates a datastore.
    public init(
        name: String, engine: DatastoreEngine, placement: DatastorePlacement, image: ImageReference? = nil,
        host: String? = nil, port: Int? = nil, database: String? = nil, user: String? = nil,
        passwordSecret: SecretKeySelector? = nil, sslmode: SSLMode? = nil, cidr: String? = nil,
        storage: Storage? = nil, resources: ResourceRequirements? = nil
    ) {
        self.name = name
        self.engine = engine
        self.placement = placement
        self.image = image
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.passwordSecret = passwordSecret
        self.sslmode = sslmode
        self.cidr = cidr
        self.storage = storage
        self.resources = resources
    }

    /// `port` or the engine's default.
    public var effectivePort: Int { port ?? engine.defaultPort }
}

/// Datastore engines ERS knows.
public enum DatastoreEngine: String, Sendable, Hashable, Codable, CaseIterable {
    case postgresql
    case redis

    /// 5432 or 6379.
    public var defaultPort: Int { self == .postgresql ? 5432 : 6379 }
    /// Prefix of the variables a service gets: `DATABASE` or `REDIS`.
    public var envPrefix: String { self == .postgresql ? "DATABASE" : "REDIS" }
}

/// Where a datastore runs.
public enum DatastorePlacement: String, Sendable, Hashable, Codable, CaseIterable {
    /// A StatefulSet with a PersistentVolumeClaim in the namespace.
    case inCluster
    /// A managed service or server outside the cluster.
    case external
}

/// PostgreSQL `sslmode` values (libpq, "SSL Support").
public enum SSLMode: String, Sendable, Hashable, Codable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
}

/// A key of a Kubernetes Secret (`secretKeyRef`).
public struct SecretKeySelector: Sendable, Hashable, Codable {
    /// Secret name.
    public var secretName: String
    /// Key in the Secret.
    public var key: String

    /// Creates a selector.
    public init(secretName: String, key: String) {
        self.secretName = secretName
        self.key = key
    }
}

/// A persistent volume claim's size and class.
public struct Storage: Sendable, Hashable, Codable {
    /// Requested size in bytes, e.g. `20Gi`.
    public var size: Quantity
    /// StorageClass; nil uses the cluster's default.
    public var storageClassName: String?

    /// Creates storage.
    public init(size: Quantity, storageClassName: String? = nil) {
        self.size = size
        self.storageClassName = storageClassName
    }
}
