import ERSModel

/// How a service reaches one datastore in the compose project: the URL in `<PREFIX>_URL`
/// (never with a password in it) and the password file announced in `<PREFIX>_PASSWORD_FILE`.
/// The same names and paths as the Kubernetes render (ERSKubernetes `DatastoreConnection`);
/// only the host differs: the datastore's compose service name.
///
/// `<PREFIX>` is `DATABASE` for the first PostgreSQL datastore a service uses and `REDIS` for
/// the first Redis one; a second datastore of the same engine gets its own name, upper-cased
/// with every other character as `_` (`ANALYTICS_URL`).
struct DatastoreConnection: Sendable, Hashable {
    /// The datastore.
    var datastore: Datastore
    /// The env var prefix.
    var envPrefix: String

    /// The connections to `datastores`, in order, duplicates dropped.
    static func all(of datastores: [Datastore]) -> [DatastoreConnection] {
        var usedPrefixes: Set<String> = []
        var connections: [DatastoreConnection] = []
        for datastore in datastores where !connections.contains(where: { $0.datastore.name == datastore.name }) {
            var prefix = datastore.engine.envPrefix
            if usedPrefixes.contains(prefix) { prefix = envName(datastore.name) }
            usedPrefixes.insert(prefix)
            connections.append(DatastoreConnection(datastore: datastore, envPrefix: prefix))
        }
        return connections
    }

    /// `<PREFIX>_URL`.
    var urlEnvName: String { "\(envPrefix)_URL" }
    /// `<PREFIX>_PASSWORD_FILE`.
    var passwordFileEnvName: String { "\(envPrefix)_PASSWORD_FILE" }
    /// `/run/secrets/<datastore>-password`.
    var passwordPath: String { DatastoreConnection.passwordPath(of: datastore) }

    /// `/run/secrets/<datastore>-password`, in services and in the datastore's own container.
    static func passwordPath(of datastore: Datastore) -> String { "/run/secrets/\(passwordFileName(of: datastore))" }
    /// `<datastore>-password`: the compose secret and its file under `./secrets/`.
    static func passwordFileName(of datastore: Datastore) -> String { "\(datastore.name)-password" }

    /// The URL: `postgres://<user>@<datastore>:<port>/<database>?sslmode=<mode>` or
    /// `redis://<user>@<datastore>:<port>`. User and database are percent-encoded; parts the
    /// spec leaves out are left out. `sslmode` is the spec's for an in-cluster datastore
    /// (default `disable`) and `disable` for one that is external in Kubernetes: compose runs
    /// a local PostgreSQL without TLS in its place.
    var url: String {
        let user = datastore.user.map { "\(URLComponent.encoded($0))@" } ?? ""
        let authority = "\(user)\(datastore.name):\(datastore.effectivePort)"
        switch datastore.engine {
        case .postgresql:
            let database = datastore.database.map { "/\(URLComponent.encoded($0))" } ?? ""
            let mode = datastore.placement == .inCluster ? (datastore.sslmode ?? .disable) : .disable
            return "postgres://\(authority)\(database)?sslmode=\(mode.rawValue)"
        case .redis:
            return "redis://\(authority)"
        }
    }

    /// `name` as an env var prefix: upper case, every character outside `[A-Z0-9]` as `_`.
    private static func envName(_ name: String) -> String {
        String(name.uppercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? $0 : "_" })
    }
}
