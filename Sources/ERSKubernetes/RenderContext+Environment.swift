import ERSModel
import ERSRender

extension RenderContext {
    /// The container's `env`, in this order: the service's plain `env`; for the gateway, each
    /// `config` key from its ConfigMap (`configMapKeyRef`, sorted; other services read config
    /// with `envFrom`); `<ENV>_FILE` for each secret; `<PREFIX>_URL` and
    /// `<PREFIX>_PASSWORD_FILE` for each datastore. Values are always strings.
    /// API reference: "EnvVar".
    func environment(for service: Service, config: ConfigData, connections: [DatastoreConnection]) -> [YAMLValue] {
        var env: [YAMLValue] = []
        for variable in service.env ?? [] {
            env.append(plainVariable(variable.name, variable.value))
        }
        if config.nginxConfig != nil {
            for key in config.environment.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let reference: YAMLValue = ["name": .string(ConfigData.configMapName(of: service)), "key": .string(key)]
                env.append(["name": .string(key), "valueFrom": ["configMapKeyRef": reference]])
            }
        }
        for secret in service.secrets ?? [] {
            env.append(plainVariable(secret.fileEnvName, secret.mountPath))
        }
        for connection in connections {
            env.append(plainVariable(connection.urlEnvName, connection.url))
            if connection.datastore.passwordSecret != nil {
                env.append(plainVariable(connection.passwordFileEnvName, connection.passwordPath))
            }
        }
        return env
    }

    /// `envFrom` the service's ConfigMap, for every service with `config` except the gateway.
    func environmentSources(for service: Service, config: ConfigData) -> [YAMLValue] {
        guard !config.environment.isEmpty, config.nginxConfig == nil else { return [] }
        return [["configMapRef": ["name": .string(ConfigData.configMapName(of: service))]]]
    }

    /// `{name, value}`.
    func plainVariable(_ name: String, _ value: String) -> YAMLValue {
        ["name": .string(name), "value": .string(value)]
    }
}
