import ERSModel

/// How a service reaches one datastore: the URL in `<PREFIX>_URL` (never with a password in
/// it) and the password file announced in `<PREFIX>_PASSWORD_FILE`.
///
/// `<PREFIX>` is `DATABASE` for the first PostgreSQL datastore a service uses and `REDIS` for
/// the first Redis one; a second datastore of the same engine gets its own name, upper-cased
/// with `-` as `_` (`ANALYTICS_URL`).
struct DatastoreConnection: Sendable, Hashable {
    /// The datastore.
    var datastore: Datastore
    /// The env var prefix.
    var envPrefix: String
    /// The host the service connects to: `<name>.<namespace>.svc.<clusterDomain>` in the
    /// cluster, `host` outside it.
    var host: String

    /// The connection of a service to `datastore`.
    init(datastore: Datastore, envPrefix: String, context: RenderContext) {
        self.datastore = datastore
        self.envPrefix = envPrefix
        switch datastore.placement {
        case .inCluster: host = "\(datastore.name).\(context.namespace).svc.\(context.options.clusterDomain)"
        case .external: host = datastore.host ?? datastore.name
        }
    }

    /// The connections of `service`, in the order of its `datastores` (unknown names skipped).
    static func all(of service: Service, context: RenderContext) -> [DatastoreConnection] {
        var usedPrefixes: Set<String> = []
        var connections: [DatastoreConnection] = []
        for name in service.datastores ?? [] {
            guard let datastore = context.datastore(named: name),
                !connections.contains(where: { $0.datastore.name == name })
            else { continue }
            var prefix = datastore.engine.envPrefix
            if usedPrefixes.contains(prefix) { prefix = envName(datastore.name) }
            usedPrefixes.insert(prefix)
            connections.append(DatastoreConnection(datastore: datastore, envPrefix: prefix, context: context))
        }
        return connections
    }

    /// `<PREFIX>_URL`.
    var urlEnvName: String { "\(envPrefix)_URL" }
    /// `<PREFIX>_PASSWORD_FILE`.
    var passwordFileEnvName: String { "\(envPrefix)_PASSWORD_FILE" }
    /// Where the password is mounted: `/run/secrets/<datastore>-password`.
    var passwordPath: String { DatastoreConnection.passwordPath(of: datastore) }

    /// `/run/secrets/<datastore>-password`, in services and in the datastore's own pod.
    static func passwordPath(of datastore: Datastore) -> String { "/run/secrets/\(passwordFileName(of: datastore))" }
    /// `<datastore>-password`.
    static func passwordFileName(of datastore: Datastore) -> String { "\(datastore.name)-password" }

    /// The URL: `postgres://<user>@<host>:<port>/<database>?sslmode=<mode>` (sslmode default
    /// `disable` in the cluster, `verify-full` outside) or `redis://<user>@<host>:<port>`.
    /// User and database are percent-encoded; parts the spec leaves out are left out.
    var url: String {
        let user = datastore.user.map { "\(URLComponent.encoded($0))@" } ?? ""
        let authority = "\(user)\(URLComponent.host(host)):\(datastore.effectivePort)"
        switch datastore.engine {
        case .postgresql:
            let database = datastore.database.map { "/\(URLComponent.encoded($0))" } ?? ""
            let mode = datastore.sslmode ?? (datastore.placement == .inCluster ? .disable : .verifyFull)
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
