import ERSModel
import ERSRender

extension RenderContext {
    /// The `v1` Service of a component: `ClusterIP`, the component's selector, and per port
    /// its name, Service port, target port (by name) and protocol. Nil without ports.
    /// `headless` renders the StatefulSet's governing Service instead (`clusterIP: None`,
    /// `publishNotReadyAddresses: true`). API reference: "Service", "ServicePort".
    func kubernetesService(
        name: String, labels: ComponentLabels, ports: [ContainerPort], headless: Bool = false
    ) -> YAMLValue? {
        guard !ports.isEmpty else { return nil }
        let servicePorts: [YAMLValue] = ports.map { port in
            [
                "name": .string(port.name),
                "port": .int(port.effectiveServicePort),
                "targetPort": .string(port.name),
                "protocol": .string((port.protocol ?? .tcp).rawValue),
            ]
        }
        let spec: YAMLValue = [
            "type": "ClusterIP",
            "clusterIP": headless ? "None" : nil,
            "publishNotReadyAddresses": headless ? true : nil,
            "selector": labels.sortedSelector,
            "ports": .sequence(servicePorts),
        ]
        return object(apiVersion: "v1", kind: "Service", metadata: metadata(name: name, labels: labels), [("spec", spec)])
    }
}
