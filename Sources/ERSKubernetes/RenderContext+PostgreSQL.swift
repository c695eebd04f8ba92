import ERSModel
import ERSRender

extension RenderContext {
    /// The container of an in-cluster PostgreSQL (official `postgres` image, its own
    /// entrypoint): `POSTGRES_USER`, `POSTGRES_DB`, the password read from
    /// `POSTGRES_PASSWORD_FILE` (a Secret file; only used by the first `initdb`), `PGPORT`,
    /// and `PGDATA` in a subdirectory of the volume (initdb refuses a mount point that holds
    /// `lost+found`). Writable: the data volume, `/var/run/postgresql` (socket, lock file) and
    /// `/tmp`. Probes run `pg_isready` over TCP, so a server still in its socket-only `initdb`
    /// phase is neither ready nor killed: the startup probe allows 5 minutes.
    func postgresContainer(_ runtime: DatastoreRuntime, volumes: inout PodVolumes) -> [(String, YAMLValue?)] {
        let datastore = runtime.datastore
        let port = datastore.effectivePort
        volumes.addMount(ofClaim: DatastoreRuntime.dataVolume, at: runtime.dataPath)
        volumes.addEmptyDir(at: "/var/run/postgresql")
        volumes.addEmptyDir(at: "/tmp")
        var env: [YAMLValue] = [plainVariable("POSTGRES_USER", datastore.user ?? "postgres")]
        if let database = datastore.database { env.append(plainVariable("POSTGRES_DB", database)) }
        if let password = datastore.passwordSecret {
            env.append(plainVariable("POSTGRES_PASSWORD_FILE", runtime.passwordPath))
            volumes.addSecretFile(
                named: DatastoreConnection.passwordFileName(of: datastore), secretName: password.secretName,
                key: password.key, at: runtime.passwordPath)
        }
        env.append(plainVariable("PGPORT", "\(port)"))
        env.append(plainVariable("PGDATA", "\(runtime.dataPath)/pgdata"))
        var ready = ["pg_isready", "--host=127.0.0.1", "--port=\(port)", "--username=\(datastore.user ?? "postgres")"]
        if let database = datastore.database { ready.append("--dbname=\(database)") }
        return [
            ("env", .sequence(env)),
            ("livenessProbe", execProbe(ready, timeoutSeconds: 5, periodSeconds: 10, failureThreshold: 6)),
            ("readinessProbe", execProbe(ready, timeoutSeconds: 5, periodSeconds: 5, failureThreshold: 3)),
            ("startupProbe", execProbe(ready, timeoutSeconds: 5, periodSeconds: 10, failureThreshold: 30)),
        ]
    }
}
