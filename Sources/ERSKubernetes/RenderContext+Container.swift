import ERSModel
import ERSRender

extension RenderContext {
    /// The one container of a service's pod, named after the service, and the volumes it
    /// mounts: an `emptyDir` per writable path, the gateway's `nginx.conf` (from its
    /// ConfigMap, at `/etc/nginx/nginx.conf`), each secret at `/run/secrets/<name>` and each
    /// datastore password at `/run/secrets/<datastore>-password`.
    /// API reference: "Container".
    func container(for service: Service, config: ConfigData, volumes: inout PodVolumes) -> YAMLValue {
        let connections = DatastoreConnection.all(of: service, context: self)
        for path in service.writablePaths ?? [] {
            volumes.addEmptyDir(at: path)
        }
        if config.nginxConfig != nil {
            volumes.addConfigFile(
                named: ConfigData.nginxConfigKey, configMap: ConfigData.configMapName(of: service),
                key: ConfigData.nginxConfigKey, at: ConfigData.nginxConfigPath)
        }
        for secret in service.secrets ?? [] {
            volumes.addSecretFile(named: secret.name, secretName: secret.secretName, key: secret.key, at: secret.mountPath)
        }
        for connection in connections {
            guard let password = connection.datastore.passwordSecret else { continue }
            volumes.addSecretFile(
                named: DatastoreConnection.passwordFileName(of: connection.datastore), secretName: password.secretName,
                key: password.key, at: connection.passwordPath)
        }
        var entries: [(String, YAMLValue?)] = [
            ("name", .string(service.name)),
            ("image", .string(spec.resolvedImage(service.image))),
            ("imagePullPolicy", "IfNotPresent"),
            ("command", service.command.map { .sequence($0.map(YAMLValue.string)) }),
            ("args", service.args.map { .sequence($0.map(YAMLValue.string)) }),
            ("ports", YAMLValue.sequence(service.ports.map(containerPort)).nonEmpty),
            ("env", YAMLValue.sequence(environment(for: service, config: config, connections: connections)).nonEmpty),
            ("envFrom", YAMLValue.sequence(environmentSources(for: service, config: config)).nonEmpty),
            ("resources", resources(service.resources)),
        ]
        entries += probeEntries(service.probes)
        entries.append(("lifecycle", lifecycle(isGateway: config.nginxConfig != nil)))
        entries += [
            ("securityContext", containerSecurityContext),
            ("volumeMounts", YAMLValue.sequence(volumes.mounts).nonEmpty),
        ]
        return .mapping(YAMLMapping(entries.compactMap { key, value in value.map { (key: key, value: $0) } }))
    }

    /// Seconds a terminating pod keeps serving before it stops, so that every node's
    /// kube-proxy and the Gateway data plane drop it from their endpoints first.
    static let endpointDrainSeconds = 5

    /// `preStop` (API reference: "Lifecycle"): keep serving while the endpoint removal
    /// propagates, then shut down gracefully. ers-server handles SIGTERM itself, so a `sleep`
    /// action (no shell in the image) is enough; nginx treats SIGTERM as a fast shutdown that
    /// drops requests in flight, so the gateway asks for `nginx -s quit` (graceful) and waits
    /// for its workers to finish.
    func lifecycle(isGateway: Bool) -> YAMLValue {
        if isGateway {
            let script = "sleep \(Self.endpointDrainSeconds); nginx -s quit; while pgrep -x nginx >/dev/null; do sleep 1; done"
            return ["preStop": ["exec": ["command": ["/bin/sh", "-c", .string(script)]]]]
        }
        return ["preStop": ["sleep": ["seconds": .int(Self.endpointDrainSeconds)]]]
    }

    /// A `ContainerPort`: name, number, protocol. API reference: "ContainerPort".
    func containerPort(_ port: ContainerPort) -> YAMLValue {
        [
            "name": .string(port.name),
            "containerPort": .int(port.containerPort),
            "protocol": .string((port.protocol ?? .tcp).rawValue),
        ]
    }
}
