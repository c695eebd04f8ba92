import ERSModel
import ERSRender

extension RenderContext {
    /// The workload objects of a blue-green or canary service with `controller: argoRollouts`:
    /// an Argo Rollouts `Rollout` named `<service>` in place of Deployments, with the same pod
    /// template, replicas and selector, and the Services it switches (the Argo Rollouts
    /// controller adds `rollouts-pod-template-hash` to their selectors):
    ///
    /// - blueGreen: Services `<service>` (`activeService`) and `<service>-preview`
    ///   (`previewService`, with `preview`), `autoPromotionEnabled: false` unless
    ///   `autoPromotionSeconds` is set, `scaleDownDelaySeconds`.
    /// - canary: Services `<service>`, `<service>-stable` (`stableService`) and
    ///   `<service>-canary` (`canaryService`); the steps (`setWeight`, `pause`), preceded by a
    ///   `setHeaderRoute` step for test routing with the Gateway API plugin; `trafficRouting`
    ///   by the `argoproj-labs/gatewayAPI` plugin on the HTTPRoute `<service>` (rendered
    ///   without its test-routing rule, which the plugin manages), or `nginx` with the stable
    ///   Ingress (the controller creates the canary Ingress), or none (replica ratios).
    ///
    /// Reference: Argo Rollouts "Rollout Specification", "Gateway API" plugin, "NGINX".
    func argoRolloutObjects(for service: Service, config: ConfigData) -> [YAMLValue] {
        guard let rollout = service.rollout else { return [] }
        let labels = labels(for: service)
        var services: [YAMLValue?] = [kubernetesService(name: service.name, labels: labels, ports: service.ports)]
        var routing: [YAMLValue] = []
        let strategy: YAMLValue
        switch rollout.strategy {
        case .rolling, .blueGreen:
            let blueGreen = rollout.blueGreen ?? BlueGreenStrategy()
            let preview = blueGreen.effectivePreview
            if preview { services.append(kubernetesService(name: "\(service.name)-preview", labels: labels, ports: service.ports)) }
            strategy = [
                "blueGreen": [
                    "activeService": .string(service.name),
                    "previewService": preview ? .string("\(service.name)-preview") : nil,
                    "autoPromotionEnabled": blueGreen.autoPromotionSeconds == nil ? false : nil,
                    "autoPromotionSeconds": blueGreen.autoPromotionSeconds.map(YAMLValue.int),
                    "scaleDownDelaySeconds": .int(blueGreen.effectiveScaleDownDelaySeconds),
                ]
            ]
        case .canary:
            let canary = rollout.canary ?? CanaryStrategy(steps: [])
            services.append(kubernetesService(name: "\(service.name)-stable", labels: labels, ports: service.ports))
            services.append(kubernetesService(name: "\(service.name)-canary", labels: labels, ports: service.ports))
            var steps: [YAMLValue] = []
            var trafficRouting: YAMLValue?
            switch canary.effectiveTrafficRouting {
            case .gatewayAPI:
                if var route = canaryHTTPRoute(for: service) {
                    route = withoutTestRoutingRule(route)
                    routing.append(route)
                }
                let headerMatch = argoHeaderMatch(rollout.testRouting)
                trafficRouting = [
                    "plugins": ["argoproj-labs/gatewayAPI": ["httpRoute": .string(service.name), "namespace": .string(namespace)]],
                    "managedRoutes": headerMatch == nil ? nil : [["name": "test-routing"]],
                ]
                if let headerMatch {
                    steps.append(["setHeaderRoute": ["name": "test-routing", "match": [headerMatch]]])
                }
            case .ingressNginx:
                routing += canaryIngresses(for: service, includeCanary: false)
                let annotations = ingressNginxCanaryAnnotations(rollout.testRouting, weight: nil)
                let unprefixed = Dictionary(uniqueKeysWithValues: annotations.map { (String($0.key.split(separator: "/").last ?? ""), $0.value) })
                trafficRouting = [
                    "nginx": [
                        "stableIngress": .string("\(service.name)-stable"),
                        "additionalIngressAnnotations": YAMLValue.sortedMapping(unprefixed).nonEmpty,
                    ]
                ]
            case .replicas:
                trafficRouting = nil
            }
            for step in canary.steps {
                if let weight = step.setWeight {
                    steps.append(["setWeight": .int(weight)])
                } else if let pause = step.pause {
                    let duration: YAMLValue = pause.durationSeconds.map { seconds -> YAMLValue in ["duration": .int(seconds)] } ?? [:]
                    steps.append(["pause": duration])
                }
            }
            strategy = [
                "canary": [
                    "stableService": .string("\(service.name)-stable"),
                    "canaryService": .string("\(service.name)-canary"),
                    "scaleDownDelaySeconds": trafficRouting == nil ? nil : .int(canary.effectiveScaleDownDelaySeconds),
                    "trafficRouting": trafficRouting,
                    "steps": .sequence(steps),
                ]
            ]
        }
        let rolloutSpec: YAMLValue = [
            "replicas": WorkloadVariant.specReplicas(of: service).map(YAMLValue.int),
            "revisionHistoryLimit": .int(options.revisionHistoryLimit),
            "selector": labelSelector(labels),
            "template": podTemplate(for: service, config: config, labels: labels),
            "strategy": strategy,
        ]
        let argoRollout = object(
            apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", metadata: metadata(name: service.name, labels: labels),
            [("spec", rolloutSpec)])
        return [argoRollout] + services.compactMap { $0 } + routing
    }

    /// The Argo Rollouts `setHeaderRoute` match of test routing's header, or nil without one.
    private func argoHeaderMatch(_ testRouting: TestRouting?) -> YAMLValue? {
        guard let header = testRouting?.header else { return nil }
        return ["headerName": .string(header.name), "headerValue": ["exact": .string(header.value)]]
    }

    /// `route` without its `test-routing` rule.
    private func withoutTestRoutingRule(_ route: YAMLValue) -> YAMLValue {
        guard case .mapping(var mapping) = route, case .mapping(var spec)? = mapping["spec"], case .sequence(let rules)? = spec["rules"] else {
            return route
        }
        spec["rules"] = .sequence(rules.filter { rule in
            guard case .mapping(let ruleMapping) = rule, case .string(let name)? = ruleMapping["name"] else { return true }
            return name != "test-routing"
        })
        mapping["spec"] = .mapping(spec)
        return .mapping(mapping)
    }
}
