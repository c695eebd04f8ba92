import ERSModel
import ERSRender

extension RenderContext {
    /// The shell script that starts Redis with a password it reads from a file (Redis has no
    /// `requirepass` file option, and a password on the command line is visible in `ps`): it
    /// writes an ACL file with the SHA-256 of the password (`#<hex>`, so no character of the
    /// password needs escaping) to an in-memory volume, disables the `default` user unless it
    /// is the one configured, and `exec`s `redis-server` with append-only persistence. Trailing
    /// line breaks of the password file are dropped, as `$(cat …)` does. Settings come from
    /// `ERS_REDIS_*` variables, so no spec value is ever spliced into shell text.
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

    /// Redis without a password (spec validation asks for one): no ACL file.
    static let redisStartScriptWithoutPassword = """
        exec redis-server --port "$ERS_REDIS_PORT" --dir /data --appendonly yes

        """

    /// The probe: `PING` as the configured user (password from `REDISCLI_AUTH`, never an
    /// argument) must answer `PONG`.
    static let redisPingScript = """
        REDISCLI_AUTH="$(cat "$ERS_REDIS_PASSWORD_FILE")" redis-cli --no-auth-warning --user "$ERS_REDIS_USER" -p "$ERS_REDIS_PORT" ping | grep -q PONG
        """

    /// The probe without a password.
    static let redisPingScriptWithoutPassword = """
        redis-cli -p "$ERS_REDIS_PORT" ping | grep -q PONG
        """

    /// The container of an in-cluster Redis (official `redis` image): started by
    /// ``redisStartScript``; data (append-only file and snapshots) on the volume at `/data`;
    /// the ACL file on an in-memory `emptyDir` at `/run/redis`; `PING` probes.
    func redisContainer(_ runtime: DatastoreRuntime, volumes: inout PodVolumes) -> [(String, YAMLValue?)] {
        let datastore = runtime.datastore
        volumes.addMount(ofClaim: DatastoreRuntime.dataVolume, at: runtime.dataPath)
        volumes.addEmptyDir(at: DatastoreRuntime.redisACLDirectory, inMemory: true, sizeLimit: "1Mi")
        var env: [YAMLValue] = [
            plainVariable("ERS_REDIS_PORT", "\(datastore.effectivePort)"),
            plainVariable("ERS_REDIS_USER", runtime.redisUser),
        ]
        let start: String
        let ping: String
        if let password = datastore.passwordSecret {
            env.append(plainVariable("ERS_REDIS_PASSWORD_FILE", runtime.passwordPath))
            volumes.addSecretFile(
                named: DatastoreConnection.passwordFileName(of: datastore), secretName: password.secretName,
                key: password.key, at: runtime.passwordPath)
            start = RenderContext.redisStartScript
            ping = RenderContext.redisPingScript
        } else {
            start = RenderContext.redisStartScriptWithoutPassword
            ping = RenderContext.redisPingScriptWithoutPassword
        }
        let probe = ["sh", "-c", ping]
        return [
            ("command", ["sh", "-c", .string(start)]),
            ("env", .sequence(env)),
            ("livenessProbe", execProbe(probe, timeoutSeconds: 5, periodSeconds: 10, failureThreshold: 6)),
            ("readinessProbe", execProbe(probe, timeoutSeconds: 5, periodSeconds: 5, failureThreshold: 3)),
            ("startupProbe", execProbe(probe, timeoutSeconds: 5, periodSeconds: 5, failureThreshold: 60)),
        ]
    }
}
