public import ERSModel

extension GatewayTarget {
    /// The servers nginx connects to for `port` of `service` in `spec`, or nil when this
    /// target has none for it (a `.host` or `.servers` target without the service).
    public func servers(for service: Service, port: ContainerPort, in spec: SystemSpec) -> [UpstreamServer]? {
        switch self {
        case .kubernetes(let clusterDomain):
            [UpstreamServer(address: "\(service.name).\(spec.namespace).svc.\(clusterDomain):\(port.effectiveServicePort)")]
        case .compose:
            [UpstreamServer(address: "\(service.name):\(port.containerPort)")]
        case .host(let address, let ports):
            ports[service.name].map { [UpstreamServer(address: "\(address):\($0)")] }
        case .servers(let servers):
            servers[service.name]
        }
    }

    /// A short description for the config's header comment.
    var summary: String {
        switch self {
        case .kubernetes: "Kubernetes target"
        case .compose: "compose target"
        case .host(let address, _): "single-host target on \(address)"
        case .servers: "explicit upstream servers"
        }
    }
}
