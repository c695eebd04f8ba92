/// A named container port (Kubernetes `ContainerPort` plus the matching `ServicePort`).
public struct ContainerPort: Sendable, Hashable, Codable {
    /// Port name (IANA_SVC_NAME: at most 15 characters, lower case, at least one letter).
    public var name: String
    /// The port the container listens on (1–65535).
    public var containerPort: Int
    /// The port the Kubernetes Service exposes (default: `containerPort`).
    public var servicePort: Int?
    /// The port compose publishes on the host when the service is published (default: `servicePort`).
    public var hostPort: Int?
    /// Transport protocol (default TCP).
    public var `protocol`: PortProtocol?

    /// Creates a port.
    public init(name: String, containerPort: Int, servicePort: Int? = nil, hostPort: Int? = nil, protocol: PortProtocol? = nil) {
        self.name = name
        self.containerPort = containerPort
        self.servicePort = servicePort
        self.hostPort = hostPort
        self.protocol = `protocol`
    }

    /// The Service port: `servicePort` or else `containerPort`.
    public var effectiveServicePort: Int { servicePort ?? containerPort }
}

/// A port's transport protocol (Kubernetes `Protocol`).
public enum PortProtocol: String, Sendable, Hashable, Codable, CaseIterable {
    case tcp = "TCP"
    case udp = "UDP"
    case sctp = "SCTP"
}
