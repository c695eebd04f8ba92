import ERSRender

extension RenderContext {
    /// A `v1` ServiceAccount named after the component, with
    /// `automountServiceAccountToken: false`: no ERS workload talks to the Kubernetes API.
    /// API reference: "ServiceAccount".
    func serviceAccount(name: String, labels: ComponentLabels) -> YAMLValue {
        object(
            apiVersion: "v1", kind: "ServiceAccount", metadata: metadata(name: name, labels: labels),
            [("automountServiceAccountToken", false)])
    }
}
