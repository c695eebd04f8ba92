import ERSModel
import ERSRender

extension RenderContext {
    /// The `policy/v1` PodDisruptionBudget of a service with `disruptionBudget`:
    /// `minAvailable` or `maxUnavailable` (count or percent), the Deployment's selector, and
    /// `unhealthyPodEvictionPolicy: AlwaysAllow` so pods that are not ready never block a
    /// node drain. Nil without a budget. API reference: "PodDisruptionBudget".
    func podDisruptionBudget(for service: Service) -> YAMLValue? {
        guard let budget = service.disruptionBudget else { return nil }
        let labels = labels(for: service)
        let spec: YAMLValue = [
            "minAvailable": budget.minAvailable?.yaml,
            "maxUnavailable": budget.maxUnavailable?.yaml,
            "selector": labelSelector(labels),
            "unhealthyPodEvictionPolicy": "AlwaysAllow",
        ]
        return object(
            apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: metadata(name: service.name, labels: labels),
            [("spec", spec)])
    }
}
