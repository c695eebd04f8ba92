import ERSModel
import ERSRender

extension ComposeContext {
    /// Whether compose publishes the service's ports on the host: `publish`, by default only
    /// for the gateway.
    func isPublished(_ service: Service) -> Bool {
        service.publish ?? (service.name == spec.gateway.service)
    }

    /// The host ports of a published service (compose spec "ports", long syntax): `target` the
    /// container port, `published` the host port as a string (`hostPort`, else the Service
    /// port), `host_ip` loopback, `protocol`. Long syntax, so no YAML 1.1 reader sees `80:80`
    /// as a base-60 number. Empty for a service that is not published.
    func publishedPorts(of service: Service) -> [YAMLValue] {
        guard isPublished(service) else { return [] }
        return service.ports.map { port in
            [
                "name": .string(port.name),
                "target": .int(port.containerPort),
                "published": .string("\(port.hostPort ?? port.effectiveServicePort)"),
                "host_ip": .string(options.publishAddress),
                "protocol": .string((port.protocol ?? .tcp).rawValue.lowercased()),
            ]
        }
    }
}
