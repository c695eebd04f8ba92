public import ERSModel

extension GatewayTarget {
    /// The `host:port` nginx connects to for `port` of `service` in `spec`, or nil when this
    /// target has no address for it (a `.host` target without a port for the service).
    public func serverAddress(for service: Service, port: ContainerPort, in spec: SystemSpec) -> String? {
        switch self {
        case .kubernetes:
            "\(service.name).\(spec.namespace).svc.cluster.local:\(port.effectiveServicePort)"
        case .compose:
            "\(service.name):\(port.containerPort)"
        case .host(let address, let ports):
            ports[service.name].map { "\(address):\($0)" }
        }
    }

    /// A short description for the config's header comment.
    var summary: String {
        switch self {
        case .kubernetes: "Kubernetes target"
        case .compose: "compose target"
        case .host(let address, _): "single-host target on \(address)"
        }
    }
}
