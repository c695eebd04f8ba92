import ERSModel
import ERSRender

extension RenderContext {
    /// `kubernetes/<service>.yaml`, in this order: ServiceAccount, ConfigMap (when the
    /// service consumes config), Deployment, Service (when it has ports),
    /// HorizontalPodAutoscaler (with `autoscaling`), PodDisruptionBudget (with
    /// `disruptionBudget`), NetworkPolicy.
    func serviceFile(for service: Service) -> ManifestFile {
        let config = ConfigData(service: service, context: self)
        let labels = labels(for: service)
        let objects: [YAMLValue?] = [
            serviceAccount(name: service.name, labels: labels),
            configMap(for: service, config: config),
            deployment(for: service, config: config),
            kubernetesService(name: service.name, labels: labels, ports: service.ports),
            horizontalPodAutoscaler(for: service),
            podDisruptionBudget(for: service),
            networkPolicy(for: service),
        ]
        return ManifestFile(name: "\(service.name).yaml", objects: objects.compactMap { $0 })
    }
}
