import ERSModel
import ERSRender

extension ComposeContext {
    /// A service's environment with the names and values its Kubernetes container gets, as one
    /// mapping (compose spec "environment"; a mapping, so every value is one string):
    ///
    /// 1. the service's `config` with what ERS derives for its role (``ServiceConfig``;
    ///    Kubernetes: its ConfigMap, read with `envFrom`);
    /// 2. its plain `env`, in order, each value with `$(VAR)` expanded from what is defined so
    ///    far, as the kubelet does;
    /// 3. `<ENV>_FILE=/run/secrets/<name>` for each secret;
    /// 4. for each datastore, `<PREFIX>_URL` (no password in it) and
    ///    `<PREFIX>_PASSWORD_FILE=/run/secrets/<datastore>-password`.
    ///
    /// A later entry replaces an earlier one of the same name, as in the Kubernetes container
    /// (an `env` entry overrides `envFrom`; the last of duplicate `env` entries wins).
    mutating func environment(of service: Service, at path: FieldPath) -> [String: String] {
        var environment = ServiceConfig.environment(of: service, in: spec)
        for variable in service.env ?? [] {
            environment[variable.name] = KubernetesExpansion.expand(variable.value, with: environment)
        }
        for secret in service.secrets ?? [] {
            environment[secret.fileEnvName] = secret.mountPath
        }
        for connection in connections(of: service, at: path) {
            environment[connection.urlEnvName] = connection.url
            if connection.datastore.passwordSecret != nil {
                environment[connection.passwordFileEnvName] = connection.passwordPath
            }
        }
        return environment
    }

    /// The datastores `service` uses, in its order; unknown names are reported.
    mutating func connections(of service: Service, at path: FieldPath) -> [DatastoreConnection] {
        var known: [Datastore] = []
        for (index, name) in (service.datastores ?? []).enumerated() {
            guard let datastore = spec.datastore(named: name) else {
                let declared = spec.datastores.map(\.name).joined(separator: ", ")
                fail(path.key("datastores").index(index), "datastore '\(name)' is not declared; use one of: \(declared)")
                continue
            }
            known.append(datastore)
        }
        return DatastoreConnection.all(of: known)
    }
}
