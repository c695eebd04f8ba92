import ERSModel
import ERSRender

extension RenderContext {
    /// A `NetworkPolicyPeer` selecting the pods of the component called `name` in this
    /// namespace.
    func podPeer(_ name: String) -> YAMLValue {
        ["podSelector": ["matchLabels": sortedSelector(of: name)]]
    }

    /// A `NetworkPolicyPeer` selecting an IP block (`cidr` minus `except`).
    func ipBlockPeer(_ cidr: String, except: [String]? = nil) -> YAMLValue {
        ["ipBlock": ["cidr": .string(cidr), "except": except.map { .sequence($0.map(YAMLValue.string)) }]]
    }

    /// The peers of "anything outside the namespace": every pod of every namespace (an
    /// ingress controller or Gateway API data plane in its own namespace) and every address
    /// outside the cluster, IPv4 and IPv6 (load balancers that send traffic straight to pods).
    var anywherePeers: [YAMLValue] {
        [["namespaceSelector": [:]], ipBlockPeer("0.0.0.0/0"), ipBlockPeer("::/0")]
    }

    /// `NetworkPolicyPort`s for container ports (by number and protocol).
    func policyPorts(_ ports: [ContainerPort]) -> [YAMLValue] {
        ports.map { policyPort($0.containerPort, protocol: $0.protocol ?? .tcp) }
    }

    /// One `NetworkPolicyPort`.
    func policyPort(_ number: Int, protocol: PortProtocol = .tcp) -> YAMLValue {
        ["protocol": .string(`protocol`.rawValue), "port": .int(number)]
    }

    /// A rule: `from`/`to` (`direction`) the peers on the ports; an empty peer list means any
    /// peer and an empty port list any port, so both are left out then.
    func policyRule(_ direction: String, peers: [YAMLValue], ports: [YAMLValue]) -> YAMLValue {
        [direction: YAMLValue.sequence(peers).nonEmpty, "ports": YAMLValue.sequence(ports).nonEmpty]
    }

    /// A `networking.k8s.io/v1` NetworkPolicy for the pods of a component, governing both
    /// directions (`policyTypes: [Ingress, Egress]`): what the rules do not allow is denied.
    func networkPolicy(name: String, labels: ComponentLabels, ingress: [YAMLValue], egress: [YAMLValue]) -> YAMLValue {
        let spec: YAMLValue = [
            "podSelector": labelSelector(labels),
            "policyTypes": ["Ingress", "Egress"],
            "ingress": YAMLValue.sequence(ingress).nonEmpty,
            "egress": YAMLValue.sequence(egress).nonEmpty,
        ]
        return object(
            apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: metadata(name: name, labels: labels),
            [("spec", spec)])
    }
}
