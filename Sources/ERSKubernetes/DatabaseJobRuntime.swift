import ERSModel

/// What the migration Job and the partition-maintenance CronJob share: the PostgreSQL
/// datastore they work on, the image and user they run as, and their names.
///
/// - Datastore: the spec's first PostgreSQL datastore (the one holding `partitionedTables`);
///   the pods get `DATABASE_URL` (no password) and `DATABASE_PASSWORD_FILE` exactly as the
///   services do (``DatastoreConnection``).
/// - Image: the runtime image, taken from the auth service (`gateway.auth.service`), whose
///   image is `ers-server`: `ersctl-db` is installed beside `ers-server` in it. Its
///   `runAsUser` (or the default) is kept.
struct DatabaseJobRuntime: Sendable {
    /// The datastore.
    var connection: DatastoreConnection
    /// The resolved image reference.
    var image: String
    /// UID and GID.
    var user: Int
    /// The image tag, when it is a valid label value (`app.kubernetes.io/version`).
    var version: String?

    /// The runtime of `context`'s spec; nil when the spec has no PostgreSQL datastore or no
    /// auth service to take the image from (nothing is rendered then).
    init?(context: RenderContext) {
        let spec = context.spec
        guard let datastore = spec.datastores.first(where: { $0.engine == .postgresql }),
              let auth = context.service(named: spec.gateway.auth.service)
        else { return nil }
        connection = DatastoreConnection(datastore: datastore, envPrefix: DatastoreEngine.postgresql.envPrefix, context: context)
        image = spec.resolvedImage(auth.image)
        user = auth.runAsUser ?? context.options.defaultRunAsUser
        let tag = auth.image.tag ?? spec.images.tag
        version = LabelValue.isValid(tag) ? tag : nil
    }

    /// The command in the image.
    static let command = "ersctl-db"
    /// Suffix of the migration Job's name after the system name.
    static let migrationSuffix = "-migrate"
    /// Suffix of the migrations ConfigMap's name after the system name.
    static let migrationsConfigSuffix = "-migrations"
    /// Where the migration files are mounted.
    static let migrationsPath = "/etc/ers/migrations"
    /// Where the partitions file is mounted.
    static let partitionsDirectory = "/etc/ers/partitions"
    /// The partitions file's name (ConfigMap key).
    static let partitionsFile = "partitions.yaml"
}
