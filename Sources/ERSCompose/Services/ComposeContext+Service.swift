import ERSModel
import ERSRender

extension ComposeContext {
    /// A service (compose spec "services"): image, entrypoint (Kubernetes `command`) and
    /// command (Kubernetes `args`) with `$(VAR)` expanded, the hardening the Kubernetes pod
    /// gets (non-root `user`, `read_only`, `cap_drop: [ALL]`, `no-new-privileges`, a tmpfs per
    /// writable path), environment, secrets, ports, healthcheck, `depends_on`, resource limits.
    mutating func serviceEntry(_ service: Service) -> YAMLValue {
        let path = FieldPath.root.key("services").name(service.name)
        let environment = environment(of: service, at: path)
        let expand = { (arguments: [String]) in arguments.map { KubernetesExpansion.expand($0, with: environment) } }
        let isGateway = service.name == spec.gateway.service
        var volumes: [YAMLValue] = []
        if isGateway {
            volumes.append([
                "type": "bind", "source": .string("./\(gatewayConfigPath)"), "target": "/etc/nginx/nginx.conf", "read_only": true,
            ])
        }
        return [
            "image": .string(spec.resolvedImage(service.image)),
            "entrypoint": service.command.map { .sequence(expand($0).map(YAMLValue.string)) },
            "command": service.args.map { .sequence(expand($0).map(YAMLValue.string)) },
            "user": .string(userText(options.defaultRunAsUser)),
            "read_only": true,
            "tmpfs": YAMLValue.sequence((service.writablePaths ?? []).map(YAMLValue.string)).nonEmpty,
            "cap_drop": ["ALL"],
            "security_opt": ["no-new-privileges:true"],
            "environment": YAMLValue.sortedMapping(environment).nonEmpty,
            "secrets": YAMLValue.sequence(secretNames(of: service).map(YAMLValue.string)).nonEmpty,
            "volumes": YAMLValue.sequence(volumes).nonEmpty,
            "ports": YAMLValue.sequence(publishedPorts(of: service)).nonEmpty,
            "healthcheck": healthcheck(of: service, at: path),
            "depends_on": YAMLValue.mapping(dependencies(of: service, at: path)).nonEmpty,
            "deploy": resourceLimits(service.resources, at: path.key("resources")),
            "restart": "unless-stopped",
            "stop_grace_period": .string("\(options.stopGracePeriodSeconds)s"),
        ]
    }

    /// `"<uid>:<gid>"` with the same number for both, as the Kubernetes pod's `runAsUser` and
    /// `runAsGroup`.
    func userText(_ id: Int) -> String { "\(id):\(id)" }
}
