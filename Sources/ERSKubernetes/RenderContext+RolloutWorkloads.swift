import ERSModel
import ERSRender

extension RenderContext {
    /// The workload objects of `service` by its rollout strategy and controller, in the order
    /// they are written (Deployments, then Services, then traffic routing):
    ///
    /// - rolling (default): the Deployment `<service>` and the Service `<service>`.
    /// - blueGreen: Deployments `<service>-blue` and `<service>-green` (label and selector
    ///   `ers.rollout/slot`; the active slot has the spec's replicas, the other 0), the active
    ///   Service `<service>` selecting `activeSlot`, and with `preview` (default) the Service
    ///   `<service>-preview` selecting the other slot.
    /// - canary: Deployments `<service>-stable` (the spec's replicas) and `<service>-canary`
    ///   (0; label and selector `ers.rollout/track`), the Service `<service>` selecting both
    ///   (what the gateway calls), Services `<service>-stable` and `<service>-canary`, and the
    ///   traffic split of ``canaryRouting(for:)``.
    /// - controller argoRollouts: see ``argoRolloutObjects(for:config:)``.
    func workloadObjects(for service: Service, config: ConfigData) -> [YAMLValue] {
        let labels = labels(for: service)
        guard let rollout = service.rollout, rollout.strategy != .rolling else {
            return [deployment(for: service, config: config), kubernetesService(name: service.name, labels: labels, ports: service.ports)]
                .compactMap { $0 }
        }
        if rollout.effectiveController == .argoRollouts {
            return argoRolloutObjects(for: service, config: config)
        }
        switch rollout.strategy {
        case .rolling, .blueGreen:
            let active = rollout.blueGreen?.effectiveActiveSlot ?? .blue
            var objects = RolloutSlot.allCases.map { slot in
                deployment(for: service, config: config, variant: .slot(slot, of: service, labels: labels, active: active))
            }
            let slot = WorkloadVariant.slotLabel
            objects += [kubernetesService(name: service.name, labels: labels.selecting(slot, active.rawValue), ports: service.ports)]
                .compactMap { $0 }
            if rollout.blueGreen?.effectivePreview ?? true {
                let preview = labels.selecting(slot, active.other.rawValue)
                objects += [kubernetesService(name: "\(service.name)-preview", labels: preview, ports: service.ports)].compactMap { $0 }
            }
            return objects
        case .canary:
            let track = WorkloadVariant.trackLabel
            var objects = ["stable", "canary"].map { name in
                deployment(for: service, config: config, variant: .track(name, of: service, labels: labels))
            }
            objects += [
                kubernetesService(name: service.name, labels: labels, ports: service.ports),
                kubernetesService(name: "\(service.name)-stable", labels: labels.selecting(track, "stable"), ports: service.ports),
                kubernetesService(name: "\(service.name)-canary", labels: labels.selecting(track, "canary"), ports: service.ports),
            ].compactMap { $0 }
            return objects + canaryRouting(for: service)
        }
    }

    /// What the service's HorizontalPodAutoscaler scales: the Deployment `<service>` (rolling),
    /// the active slot's Deployment (blueGreen), the stable Deployment (canary), or the Argo
    /// Rollouts `Rollout` `<service>`. Returns `apiVersion`, `kind` and `name`.
    func scaleTarget(of service: Service) -> (apiVersion: String, kind: String, name: String) {
        guard let rollout = service.rollout, rollout.strategy != .rolling else { return ("apps/v1", "Deployment", service.name) }
        if rollout.effectiveController == .argoRollouts { return ("argoproj.io/v1alpha1", "Rollout", service.name) }
        switch rollout.strategy {
        case .rolling, .blueGreen:
            return ("apps/v1", "Deployment", "\(service.name)-\((rollout.blueGreen?.effectiveActiveSlot ?? .blue).rawValue)")
        case .canary:
            return ("apps/v1", "Deployment", "\(service.name)-stable")
        }
    }

    /// The port a canary's traffic split applies to: the first port the gateway uses, else the
    /// service's first port; nil without ports.
    func routedPort(of service: Service) -> ContainerPort? {
        gatewayPorts(of: service).first ?? service.ports.first
    }
}
