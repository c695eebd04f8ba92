import ERSModel
import ERSRender

extension RenderContext {
    /// `kubernetes/<service>.yaml`, in this order: ServiceAccount, ConfigMap (when the
    /// service consumes config), the workload objects of its rollout strategy (Deployment and
    /// Service for a rolling update; see ``workloadObjects(for:config:)``),
    /// HorizontalPodAutoscaler (with `autoscaling`), PodDisruptionBudget (with
    /// `disruptionBudget`), NetworkPolicy.
    func serviceFile(for service: Service) -> ManifestFile {
        let config = ConfigData(service: service, context: self)
        let labels = labels(for: service)
        let head: [YAMLValue?] = [serviceAccount(name: service.name, labels: labels), configMap(for: service, config: config)]
        let tail: [YAMLValue?] = [horizontalPodAutoscaler(for: service), podDisruptionBudget(for: service), networkPolicy(for: service)]
        return ManifestFile(name: "\(service.name).yaml", objects: head.compactMap { $0 } + workloadObjects(for: service, config: config) + tail.compactMap { $0 })
    }
}
