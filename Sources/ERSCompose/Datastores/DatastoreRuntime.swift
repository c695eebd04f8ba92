import ERSModel

/// How the official `postgres` and `redis` images run under the same restrictions as in the
/// Kubernetes render (ERSKubernetes `RenderContext+PostgreSQL`, `RenderContext+Redis`): same
/// variables, paths, start script and health commands. Settings reach the Redis scripts as
/// `ERS_REDIS_*` variables, so no spec value is ever spliced into shell text.
enum DatastoreRuntime {
    case postgres(Datastore)
    case redis(Datastore)

    var datastore: Datastore {
        switch self {
        case .postgres(let datastore), .redis(let datastore): datastore
        }
    }

    /// Where the data volume is mounted.
    var dataPath: String {
        switch self {
        case .postgres: "/var/lib/postgresql/data"
        case .redis: "/data"
        }
    }

    /// Paths the image writes besides the data volume (tmpfs in a read-only container).
    var writablePaths: [String] {
        switch self {
        case .postgres: ["/var/run/postgresql", "/tmp"]
        case .redis: [DatastoreRuntime.redisACLDirectory]
        }
    }

    /// The entrypoint override: Redis starts through ``redisStartScript``; PostgreSQL keeps the
    /// image's entrypoint.
    var entrypoint: [String]? {
        switch self {
        case .postgres: nil
        case .redis(let datastore): ["sh", "-c", datastore.passwordSecret == nil ? DatastoreRuntime.redisStartScriptWithoutPassword : DatastoreRuntime.redisStartScript]
        }
    }

    /// The container's environment.
    var environment: [String: String] {
        let datastore = datastore
        let password = datastore.passwordSecret == nil ? nil : DatastoreConnection.passwordPath(of: datastore)
        var environment: [String: String] = [:]
        switch self {
        case .postgres:
            environment["POSTGRES_USER"] = datastore.user ?? "postgres"
            environment["POSTGRES_DB"] = datastore.database
            environment["POSTGRES_PASSWORD_FILE"] = password
            environment["PGPORT"] = "\(datastore.effectivePort)"
            environment["PGDATA"] = "\(dataPath)/pgdata"
        case .redis:
            environment["ERS_REDIS_PORT"] = "\(datastore.effectivePort)"
            environment["ERS_REDIS_USER"] = datastore.user ?? "default"
            environment["ERS_REDIS_PASSWORD_FILE"] = password
        }
        return environment
    }

    /// The health command: `pg_isready` over TCP, or `PING` as the configured user.
    var healthcheck: [String] {
        let datastore = datastore
        switch self {
        case .postgres:
            var command = ["CMD", "pg_isready", "--host=127.0.0.1", "--port=\(datastore.effectivePort)", "--username=\(datastore.user ?? "postgres")"]
            if let database = datastore.database { command.append("--dbname=\(database)") }
            return command
        case .redis:
            return ["CMD", "sh", "-c", datastore.passwordSecret == nil ? DatastoreRuntime.redisPingScriptWithoutPassword : DatastoreRuntime.redisPingScript]
        }
    }

    /// Seconds before failed checks count: PostgreSQL's first `initdb` takes a while.
    var startPeriodSeconds: Int {
        switch self {
        case .postgres: 300
        case .redis: 30
        }
    }

    /// Where the Redis start script writes the ACL file (a tmpfs).
    static let redisACLDirectory = "/run/redis"

    /// Starts Redis with the password from a file (Redis has no `requirepass` file option, and
    /// a password on the command line shows in `ps`): writes an ACL file holding the password's
    /// SHA-256 (`#<hex>`) to the tmpfs, disables the `default` user unless it is the configured
    /// one, and `exec`s `redis-server` with append-only persistence. Identical to the Kubernetes
    /// render's script.
    static let redisStartScript = """
        set -eu
        if [ ! -s "$ERS_REDIS_PASSWORD_FILE" ]; then
          echo "redis: password file $ERS_REDIS_PASSWORD_FILE is missing or empty" >&2
          exit 1
        fi
        hash="$(printf '%s' "$(cat "$ERS_REDIS_PASSWORD_FILE")" | sha256sum | cut -d ' ' -f 1)"
        umask 077
        {
          if [ "$ERS_REDIS_USER" != default ]; then echo 'user default off'; fi
          echo "user $ERS_REDIS_USER on #$hash ~* &* +@all"
        } > /run/redis/users.acl
        exec redis-server --port "$ERS_REDIS_PORT" --dir /data --appendonly yes --aclfile /run/redis/users.acl

        """

    /// Redis without a password (spec validation asks for one).
    static let redisStartScriptWithoutPassword = """
        exec redis-server --port "$ERS_REDIS_PORT" --dir /data --appendonly yes

        """

    /// `PING` as the configured user must answer `PONG` (password via `REDISCLI_AUTH`, never an
    /// argument).
    static let redisPingScript = """
        REDISCLI_AUTH="$(cat "$ERS_REDIS_PASSWORD_FILE")" redis-cli --no-auth-warning --user "$ERS_REDIS_USER" -p "$ERS_REDIS_PORT" ping | grep -q PONG
        """

    /// The same without a password.
    static let redisPingScriptWithoutPassword = """
        redis-cli -p "$ERS_REDIS_PORT" ping | grep -q PONG
        """
}
