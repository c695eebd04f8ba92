import ERSModel
import ERSRender

/// What every part of one render shares: the spec, the options, and facts derived from the
/// spec once, indexed by name, so rendering stays linear in the size of the spec.
struct RenderContext: Sendable {
    /// A service the gateway sends requests to, and the container ports it uses.
    struct GatewayTarget: Sendable {
        /// The target service.
        var service: Service
        /// Its ports that routes or `auth_request` use, by first use.
        var ports: [ContainerPort]
    }

    /// The system being rendered.
    let spec: SystemSpec
    /// The renderer's options.
    let options: KubernetesRenderOptions
    /// The gateway's `nginx.conf`.
    let gatewayConfig: String
    /// The rendered SQL migration files (`sql/…`), for the migration Job's ConfigMap.
    let migrations: [RenderedFile]
    /// `app.kubernetes.io/instance` of every component: `<system>-<environment>`.
    let instance: String
    /// The gateway's targets in first-use order: each service a route or the
    /// `auth_request` goes to (only existing services and ports).
    let gatewayTargets: [GatewayTarget]

    /// Services by name (the first of a duplicated name).
    private let servicesByName: [String: Service]
    /// Datastores by name (the first of a duplicated name).
    private let datastoresByName: [String: Datastore]
    /// Gateway ports by target service name.
    private let gatewayPortsByService: [String: [ContainerPort]]
    /// For each service name, the services that list it in `network.ingressFrom`.
    private let acceptingServices: [String: [Service]]
    /// For each datastore name, the names of the services that use it, in spec order.
    private let datastoreUsers: [String: [String]]
    /// The labels of each service, by name.
    private var serviceLabels: [String: ComponentLabels] = [:]
    /// The labels of each datastore, by name.
    private var datastoreLabels: [String: ComponentLabels] = [:]

    /// Creates the context of one render.
    init(spec: SystemSpec, options: KubernetesRenderOptions, gatewayConfig: String, migrations: [RenderedFile] = []) {
        self.spec = spec
        self.options = options
        self.gatewayConfig = gatewayConfig
        self.migrations = migrations
        let instance = LabelValue.sanitized("\(spec.name)-\(spec.environment)")
        self.instance = instance.isEmpty ? "ers" : instance
        let servicesByName = Dictionary(spec.services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.servicesByName = servicesByName
        datastoresByName = Dictionary(spec.datastores.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let targets = RenderContext.gatewayTargets(of: spec, servicesByName: servicesByName)
        gatewayTargets = targets
        gatewayPortsByService = Dictionary(targets.map { ($0.service.name, $0.ports) }, uniquingKeysWith: { first, _ in first })
        var accepting: [String: [Service]] = [:]
        var users: [String: [String]] = [:]
        for service in spec.services {
            for peer in Set(service.network?.ingressFrom ?? []) where peer != service.name {
                accepting[peer, default: []].append(service)
            }
            for datastore in Set(service.datastores ?? []) {
                users[datastore, default: []].append(service.name)
            }
        }
        acceptingServices = accepting
        datastoreUsers = users
        for service in spec.services where serviceLabels[service.name] == nil {
            serviceLabels[service.name] = makeLabels(for: service)
        }
        for datastore in spec.datastores where datastoreLabels[datastore.name] == nil {
            datastoreLabels[datastore.name] = makeLabels(for: datastore)
        }
    }

    /// The namespace of every namespaced object.
    var namespace: String { spec.namespace }

    /// Whether `service` runs the gateway.
    func isGateway(_ service: Service) -> Bool { service.name == spec.gateway.service }

    /// The service called `name`, if any.
    func service(named name: String) -> Service? { servicesByName[name] }

    /// The datastore called `name`, if any.
    func datastore(named name: String) -> Datastore? { datastoresByName[name] }

    /// The ports the gateway reaches `service` on (empty when it is no gateway target).
    func gatewayPorts(of service: Service) -> [ContainerPort] { gatewayPortsByService[service.name] ?? [] }

    /// The services that list `service` in their `network.ingressFrom`, in spec order.
    func servicesAccepting(from service: Service) -> [Service] { acceptingServices[service.name] ?? [] }

    /// The names of the services that use `datastore`, in spec order.
    func users(of datastore: Datastore) -> [String] { datastoreUsers[datastore.name] ?? [] }

    /// The labels of `service` and its objects.
    func labels(for service: Service) -> ComponentLabels {
        serviceLabels[service.name] ?? makeLabels(for: service)
    }

    /// The labels of `datastore` and its objects.
    func labels(for datastore: Datastore) -> ComponentLabels {
        datastoreLabels[datastore.name] ?? makeLabels(for: datastore)
    }

    /// The sorted selector labels of the component called `name` (`matchLabels` of a peer).
    func sortedSelector(of name: String) -> YAMLValue {
        (serviceLabels[name] ?? datastoreLabels[name])?.sortedSelector ?? .sortedMapping(selector(of: name))
    }

    /// Builds the labels of `service`.
    private func makeLabels(for service: Service) -> ComponentLabels {
        let component = isGateway(service) ? "gateway" : gatewayPorts(of: service).isEmpty ? "backend" : "api"
        return ComponentLabels(
            name: service.name, instance: instance, component: component, partOf: spec.name,
            version: version(of: service.image), extra: spec.labels ?? [:])
    }

    /// Builds the labels of `datastore`.
    private func makeLabels(for datastore: Datastore) -> ComponentLabels {
        ComponentLabels(
            name: datastore.name, instance: instance, component: datastore.engine == .postgresql ? "database" : "cache",
            partOf: spec.name, version: version(of: DatastoreImage.reference(of: datastore)), extra: spec.labels ?? [:])
    }

    /// The labels of system-wide objects (the Namespace, the namespace's policies): the
    /// spec's labels, `part-of`, `instance` and `managed-by`.
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

    /// The gateway's targets: routes in order, then the auth service; ports deduplicated by
    /// name; references to missing services or ports left out.
    private static func gatewayTargets(of spec: SystemSpec, servicesByName: [String: Service]) -> [GatewayTarget] {
        var order: [String] = []
        var portNames: [String: [String]] = [:]
        let references = spec.gateway.routes.map { ($0.service, $0.port) } + [(spec.gateway.auth.service, spec.gateway.auth.port)]
        for (serviceName, portName) in references {
            if portNames[serviceName] == nil { order.append(serviceName) }
            if !(portNames[serviceName] ?? []).contains(portName) { portNames[serviceName, default: []].append(portName) }
        }
        return order.compactMap { name in
            guard let service = servicesByName[name] else { return nil }
            let ports = (portNames[name] ?? []).compactMap { service.port(named: $0) }
            return ports.isEmpty ? nil : GatewayTarget(service: service, ports: ports)
        }
    }
}
