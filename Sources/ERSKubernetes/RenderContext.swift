import ERSModel

/// What every part of one render shares: the spec, the options, and facts derived from the
/// spec once (labels, the gateway's targets).
struct RenderContext: Sendable {
    /// The system being rendered.
    let spec: SystemSpec
    /// The renderer's options.
    let options: KubernetesRenderOptions
    /// The gateway's `nginx.conf`.
    let gatewayConfig: String
    /// `app.kubernetes.io/instance` of every component: `<system>-<environment>`.
    let instance: String

    /// Creates the context of one render.
    init(spec: SystemSpec, options: KubernetesRenderOptions, gatewayConfig: String) {
        self.spec = spec
        self.options = options
        self.gatewayConfig = gatewayConfig
        let instance = LabelValue.sanitized("\(spec.name)-\(spec.environment)")
        self.instance = instance.isEmpty ? "ers" : instance
    }

    /// The namespace of every namespaced object.
    var namespace: String { spec.namespace }

    /// Whether `service` runs the gateway.
    func isGateway(_ service: Service) -> Bool { service.name == spec.gateway.service }

    /// The gateway's targets in first-use order: each service a route or the `auth_request`
    /// goes to, with the container ports it is reached on (by port name, deduplicated).
    var gatewayTargets: [(service: Service, ports: [ContainerPort])] {
        var order: [String] = []
        var portNames: [String: [String]] = [:]
        let references = spec.gateway.routes.map { ($0.service, $0.port) }
            + [(spec.gateway.auth.service, spec.gateway.auth.port)]
        for (serviceName, portName) in references {
            if portNames[serviceName] == nil { order.append(serviceName) }
            if !(portNames[serviceName] ?? []).contains(portName) { portNames[serviceName, default: []].append(portName) }
        }
        return order.compactMap { name in
            guard let service = spec.service(named: name) else { return nil }
            let ports = (portNames[name] ?? []).compactMap { service.port(named: $0) }
            return ports.isEmpty ? nil : (service, ports)
        }
    }

    /// The ports the gateway reaches `service` on (empty when it is no gateway target).
    func gatewayPorts(of service: Service) -> [ContainerPort] {
        gatewayTargets.first { $0.service.name == service.name }?.ports ?? []
    }

    /// The labels of `service` and its objects.
    func labels(for service: Service) -> ComponentLabels {
        let component = isGateway(service) ? "gateway" : gatewayPorts(of: service).isEmpty ? "backend" : "api"
        return ComponentLabels(
            name: service.name, instance: instance, component: component, partOf: spec.name,
            version: version(of: service.image), extra: spec.labels ?? [:])
    }

    /// The labels of `datastore` and its objects.
    func labels(for datastore: Datastore) -> ComponentLabels {
        ComponentLabels(
            name: datastore.name, instance: instance, component: datastore.engine == .postgresql ? "database" : "cache",
            partOf: spec.name, version: version(of: DatastoreImage.reference(of: datastore)), extra: spec.labels ?? [:])
    }

    /// The labels of system-wide objects (Namespace, namespace policies, the gateway route's
    /// neighbours): the spec's labels, `part-of`, `instance` and `managed-by`.
    var systemLabels: [String: String] {
        var labels = spec.labels ?? [:]
        labels[ComponentLabels.partOfKey] = spec.name
        labels[ComponentLabels.instanceKey] = instance
        labels[ComponentLabels.managedByKey] = ComponentLabels.managedBy
        return labels
    }

    /// The selector labels of the component called `name`.
    func selector(of name: String) -> [String: String] {
        ComponentLabels.selector(name: name, instance: instance)
    }

    /// The tag `image` resolves to, when it is a valid label value.
    private func version(of image: ImageReference) -> String? {
        let tag = image.tag ?? spec.images.tag
        return LabelValue.isValid(tag) ? tag : nil
    }
}
