import ERSModel
import ERSRender

extension RenderContext {
    /// The NetworkPolicy of a service's pods, on top of the namespace's default deny and DNS
    /// egress (see ``namespacePolicies()``).
    ///
    /// Ingress: from the gateway's pods on the ports routes and `auth_request` use; from the
    /// services in `network.ingressFrom` on every port; with `allowExternalIngress`, from
    /// anywhere (see ``anywherePeers``) on the gateway's listen port (the gateway) or every
    /// port (another service).
    ///
    /// Egress: to each datastore the service uses on its port (its pods in the cluster, its
    /// `cidr` outside; any address when an external datastore has no `cidr`); to each service
    /// that lists this one in `ingressFrom`; for the gateway, to each route target and the
    /// auth service; to each `network.egress` block.
    func networkPolicy(for service: Service) -> YAMLValue {
        networkPolicy(
            name: service.name, labels: labels(for: service), ingress: ingressRules(for: service),
            egress: egressRules(for: service))
    }

    /// The ingress rules described on ``networkPolicy(for:)``.
    private func ingressRules(for service: Service) -> [YAMLValue] {
        var rules: [YAMLValue] = []
        let gatewayPorts = gatewayPorts(of: service)
        if !gatewayPorts.isEmpty && !isGateway(service) {
            rules.append(policyRule("from", peers: [podPeer(spec.gateway.service)], ports: policyPorts(gatewayPorts)))
        }
        var seen: Set<String> = []
        let peers = (service.network?.ingressFrom ?? []).filter { self.service(named: $0) != nil && seen.insert($0).inserted }
        if !peers.isEmpty {
            rules.append(policyRule("from", peers: peers.map(podPeer), ports: policyPorts(service.ports)))
        }
        if service.network?.allowExternalIngress == true {
            let listenPort = isGateway(service) ? service.port(named: spec.gateway.port).map { [$0] } : nil
            rules.append(policyRule("from", peers: anywherePeers, ports: policyPorts(listenPort ?? service.ports)))
        }
        return rules
    }

    /// The egress rules described on ``networkPolicy(for:)``.
    private func egressRules(for service: Service) -> [YAMLValue] {
        var rules: [YAMLValue] = []
        for connection in DatastoreConnection.all(of: service, context: self) {
            let datastore = connection.datastore
            let peers: [YAMLValue] =
                switch datastore.placement {
                case .inCluster: [podPeer(datastore.name)]
                case .external: datastore.cidr.map { [ipBlockPeer($0)] } ?? []
                }
            rules.append(policyRule("to", peers: peers, ports: [policyPort(datastore.effectivePort)]))
        }
        for peer in servicesAccepting(from: service) {
            rules.append(policyRule("to", peers: [podPeer(peer.name)], ports: policyPorts(peer.ports)))
        }
        if isGateway(service) {
            for target in gatewayTargets where target.service.name != service.name {
                rules.append(policyRule("to", peers: [podPeer(target.service.name)], ports: policyPorts(target.ports)))
            }
        }
        for rule in service.network?.egress ?? [] {
            rules.append(
                policyRule("to", peers: [ipBlockPeer(rule.cidr, except: rule.except)], ports: rule.ports.map { policyPort($0) }))
        }
        return rules
    }
}
