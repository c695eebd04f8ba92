import ERSRender

extension RenderContext {
    /// The `v1` Namespace, labelled for Pod Security Admission: `enforce`, `audit` and `warn`
    /// at `restricted`, `latest` version (API reference: "Namespace"; Kubernetes
    /// documentation, "Pod Security Admission").
    func namespaceObject() -> YAMLValue {
        var labels = systemLabels
        for mode in ["enforce", "audit", "warn"] {
            labels["pod-security.kubernetes.io/\(mode)"] = "restricted"
            labels["pod-security.kubernetes.io/\(mode)-version"] = "latest"
        }
        let metadata: YAMLValue = ["name": .string(namespace), "labels": .sortedMapping(labels)]
        return ["apiVersion": "v1", "kind": "Namespace", "metadata": metadata]
    }
}
