/// Network access beyond the defaults. Every namespace is default-deny; ERS always allows the
/// gateway to reach routed services, services to reach their datastores, and DNS egress.
public struct NetworkAccess: Sendable, Hashable, Codable {
    /// Other services (by name) that may connect to this one.
    public var ingressFrom: [String]?
    /// Destinations outside the namespace this service may connect to (e.g. SSH to the fleet).
    public var egress: [EgressRule]?
    /// Whether anything outside the namespace may connect (the gateway's ingress controller).
    public var allowExternalIngress: Bool?

    /// Creates access rules.
    public init(ingressFrom: [String]? = nil, egress: [EgressRule]? = nil, allowExternalIngress: Bool? = nil) {
        self.ingressFrom = ingressFrom
        self.egress = egress
        self.allowExternalIngress = allowExternalIngress
    }
}

/// Egress to an IP block on some ports (NetworkPolicy `ipBlock`).
public struct EgressRule: Sendable, Hashable, Codable {
    /// CIDR, e.g. `10.0.0.0/8`.
    public var cidr: String
    /// CIDRs inside `cidr` to exclude.
    public var except: [String]?
    /// TCP ports; empty allows every port.
    public var ports: [Int]

    /// Creates a rule.
    public init(cidr: String, except: [String]? = nil, ports: [Int]) {
        self.cidr = cidr
        self.except = except
        self.ports = ports
    }
}
