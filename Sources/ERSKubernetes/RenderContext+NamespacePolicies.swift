import ERSRender

extension RenderContext {
    /// The namespace-wide NetworkPolicies (`kubernetes/network-policies.yaml`):
    /// `default-deny-all` selects every pod in both directions with no rule, so only what the
    /// per-component policies allow gets through; `allow-dns-egress` lets every pod query the
    /// cluster DNS (`k8s-app: kube-dns` pods in `kube-system`) on UDP and TCP port 53.
    /// API reference: "NetworkPolicy".
    func namespacePolicies() -> [YAMLValue] {
        let denyAll: YAMLValue = ["podSelector": [:], "policyTypes": ["Ingress", "Egress"]]
        let dnsPeer: YAMLValue = [
            "namespaceSelector": labelSelector(["kubernetes.io/metadata.name": "kube-system"]),
            "podSelector": labelSelector(["k8s-app": "kube-dns"]),
        ]
        let allowDNS: YAMLValue = [
            "podSelector": [:],
            "policyTypes": ["Egress"],
            "egress": [policyRule("to", peers: [dnsPeer], ports: [policyPort(53, protocol: .udp), policyPort(53, protocol: .tcp)])],
        ]
        return [
            object(
                apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy",
                metadata: metadata(name: "default-deny-all", labels: systemLabels), [("spec", denyAll)]),
            object(
                apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy",
                metadata: metadata(name: "allow-dns-egress", labels: systemLabels), [("spec", allowDNS)]),
        ]
    }
}
