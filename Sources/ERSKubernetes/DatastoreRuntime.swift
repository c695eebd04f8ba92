import ERSModel

/// What the official PostgreSQL and Redis images need to run in a restricted pod: the user
/// they are built around, where data lives, the writable paths of a read-only root
/// filesystem, and the probe commands.
struct DatastoreRuntime: Sendable {
    /// The image's built-in user and group (`postgres` and `redis` are both 999 in the
    /// Debian-based official images); the data volume is group-owned by it (`fsGroup`).
    static let imageUser = 999
    /// The name of the data volume claim.
    static let dataVolume = "data"

    /// The datastore.
    var datastore: Datastore

    /// The container port's name: `postgresql` or `redis`.
    var portName: String { datastore.engine == .postgresql ? "postgresql" : "redis" }

    /// Where the data volume is mounted: `/var/lib/postgresql/data` or `/data`.
    var dataPath: String { datastore.engine == .postgresql ? "/var/lib/postgresql/data" : "/data" }

    /// The default volume size when the spec sets no `storage`: 10Gi for PostgreSQL, 1Gi for Redis.
    var defaultStorageSize: String { datastore.engine == .postgresql ? "10Gi" : "1Gi" }

    /// The password's file: `/run/secrets/<datastore>-password` (as in the services).
    var passwordPath: String { DatastoreConnection.passwordPath(of: datastore) }

    /// The Redis ACL user: the spec's `user`, else `default`.
    var redisUser: String { datastore.user ?? "default" }

    /// Where the Redis start script writes the ACL file (an in-memory `emptyDir`).
    static let redisACLDirectory = "/run/redis"
}
