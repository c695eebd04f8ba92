import ERSModel

/// Writes the steps of a ``RolloutPlan``.
struct PlanWriter {
    let spec: SystemSpec
    let service: Service
    let rollout: RolloutStrategy
    let version: String
    let gate: String?

    private var name: String { service.name }
    private var kubectl: String { "kubectl -n \(spec.namespace)" }
    /// The replica count the ratios and scale-ups use.
    private var replicas: Int { service.autoscaling?.minReplicas ?? service.replicas ?? 1 }
    private var image: String {
        var image = service.image
        image.tag = version
        image.digest = nil
        return spec.resolvedImage(image)
    }

    // MARK: Host

    func hostSteps(_ steps: [HostStep], host: HostRollout, stableSlot: RolloutSlot) -> [RolloutPlan.Step] {
        let newSlot = stableSlot.other
        let runtime = SlotRuntime(spec: spec, service: service, host: host, state: StateDirectory(path: "."))
        let upstream = "\(name) upstreams"
        return steps.map { step in
            switch step {
            case .deploy:
                return RolloutPlan.Step(
                    title: "deploy \(version) in slot \(newSlot.rawValue) (\(host.address(of: newSlot)))",
                    actions: ["run: \(runtime.expand(host.deploy, slot: newSlot, version: version).joined(separator: " "))"],
                    gate: "GET \(runtime.healthURL(of: newSlot)) answers 200 reporting version \(version) within \(host.startTimeoutSeconds ?? HostRollout.defaultStartTimeoutSeconds) s")
            case .preview:
                return RolloutPlan.Step(
                    title: "preview", actions: ["gateway: \(testRoutingText) -> slot \(newSlot.rawValue) only; nginx -t, reload, verify X-Config-Generation"],
                    gate: nil)
            case .setWeight(let percent):
                let traffic = ServiceTraffic(stableSlot: stableSlot, stableVersion: nil, newWeight: percent)
                let servers = traffic.servers(of: host).map(\.parameters).joined(separator: ", ")
                let routing = percent < 100 && rollout.testRouting != nil ? "; \(testRoutingText) -> slot \(newSlot.rawValue)" : ""
                return RolloutPlan.Step(
                    title: rollout.strategy == .blueGreen ? "switch (setWeight 100)" : "setWeight \(percent)",
                    actions: ["check the new version's health", "gateway \(upstream): \(servers)\(routing); nginx -t, reload, verify X-Config-Generation"],
                    gate: percent > 0 ? gate : nil)
            case .pause(let seconds):
                return RolloutPlan.Step(
                    title: seconds.map { "pause \($0) s" } ?? "pause until `ersctl rollout promote \(name)`",
                    actions: ["hold the weights; the gate keeps watching"], gate: nil)
            case .scaleDown(let delay):
                return RolloutPlan.Step(
                    title: "scale down slot \(stableSlot.rawValue)",
                    actions: [
                        "wait until no nginx worker of an older config is left and no request to \(host.address(of: stableSlot)) was logged for 1 s, then \(delay) s",
                        "run: \(runtime.expand(host.stop, slot: stableSlot, version: "<old version>").joined(separator: " "))",
                    ], gate: nil)
            }
        }
    }

    func hostRollback(host: HostRollout, stableSlot: RolloutSlot) -> String {
        let runtime = SlotRuntime(spec: spec, service: service, host: host, state: StateDirectory(path: "."))
        let stop = runtime.expand(host.stop, slot: stableSlot.other, version: version).joined(separator: " ")
        return "at any step before the old version stops: one verified reload with \(host.address(of: stableSlot)) taking all traffic and \(host.address(of: stableSlot.other)) down, test routing off; then, once the gateway sends it nothing, `\(stop)`"
    }

    private var testRoutingText: String {
        var parts: [String] = []
        if let header = rollout.testRouting?.header { parts.append("requests with \(header.name): \(header.value)") }
        if let cookie = rollout.testRouting?.cookie { parts.append("cookie \(cookie.name)=\(cookie.value)") }
        return parts.joined(separator: " or ")
    }

    // MARK: Kubernetes

    func kubernetesSteps() -> [RolloutPlan.Step] {
        if rollout.effectiveController == .argoRollouts {
            return argoSteps()
        }
        return rollout.strategy == .blueGreen ? blueGreenSteps() : canarySteps()
    }

    private func argoSteps() -> [RolloutPlan.Step] {
        var steps = [RolloutPlan.Step(
            title: "update the Rollout", actions: ["kubectl argo rollouts -n \(spec.namespace) set image \(name) \(name)=\(image)"], gate: nil)]
        if rollout.strategy == .canary {
            for step in rollout.canary?.steps ?? [] {
                if let weight = step.setWeight {
                    steps.append(RolloutPlan.Step(title: "setWeight \(weight)", actions: ["the Argo Rollouts controller shifts the weight"], gate: gate))
                } else if let pause = step.pause {
                    steps.append(RolloutPlan.Step(
                        title: pause.durationSeconds.map { "pause \($0) s" } ?? "pause until promoted",
                        actions: pause.durationSeconds == nil ? ["kubectl argo rollouts -n \(spec.namespace) promote \(name)"] : [], gate: nil))
                }
            }
        } else {
            steps.append(RolloutPlan.Step(
                title: "promote", actions: rollout.blueGreen?.autoPromotionSeconds == nil ? ["kubectl argo rollouts -n \(spec.namespace) promote \(name)"] : ["automatic after \(rollout.blueGreen?.autoPromotionSeconds ?? 0) s"],
                gate: gate))
        }
        return steps
    }

    private func blueGreenSteps() -> [RolloutPlan.Step] {
        let blueGreen = rollout.blueGreen ?? BlueGreenStrategy()
        let active = blueGreen.effectiveActiveSlot, idle = active.other
        let slotLabel = "ers.rollout/slot"
        var steps = [RolloutPlan.Step(
            title: "deploy \(version) in \(name)-\(idle.rawValue)",
            actions: [
                "\(kubectl) set image deployment/\(name)-\(idle.rawValue) \(name)=\(image)",
                "\(kubectl) scale deployment/\(name)-\(idle.rawValue) --replicas=\(replicas)",
                "\(kubectl) rollout status deployment/\(name)-\(idle.rawValue) --timeout=10m",
            ], gate: "every pod of \(name)-\(idle.rawValue) ready")]
        if blueGreen.effectivePreview {
            steps.append(RolloutPlan.Step(title: "preview", actions: ["test through service/\(name)-preview (it selects \(slotLabel)=\(idle.rawValue))"], gate: nil))
        }
        steps.append(RolloutPlan.Step(
            title: blueGreen.autoPromotionSeconds.map { "pause \($0) s" } ?? "pause until promoted", actions: ["hold; the active Service still selects \(active.rawValue)"], gate: nil))
        var switchActions = [
            "\(kubectl) patch service/\(name) --type=merge -p '{\"spec\":{\"selector\":{\"\(slotLabel)\":\"\(idle.rawValue)\"}}}'",
        ]
        if blueGreen.effectivePreview {
            switchActions.append("\(kubectl) patch service/\(name)-preview --type=merge -p '{\"spec\":{\"selector\":{\"\(slotLabel)\":\"\(active.rawValue)\"}}}'")
        }
        if service.autoscaling != nil {
            switchActions.append("\(kubectl) patch hpa/\(name) --type=merge -p '{\"spec\":{\"scaleTargetRef\":{\"name\":\"\(name)-\(idle.rawValue)\"}}}'")
        }
        steps.append(RolloutPlan.Step(title: "switch (setWeight 100)", actions: switchActions, gate: gate))
        steps.append(RolloutPlan.Step(
            title: "scale down \(name)-\(active.rawValue)",
            actions: ["after \(blueGreen.effectiveScaleDownDelaySeconds) s: \(kubectl) scale deployment/\(name)-\(active.rawValue) --replicas=0"], gate: nil))
        return steps
    }

    private func canarySteps() -> [RolloutPlan.Step] {
        let canary = rollout.canary ?? CanaryStrategy(steps: [])
        var steps = [RolloutPlan.Step(
            title: "deploy \(version) in \(name)-canary",
            actions: [
                "\(kubectl) set image deployment/\(name)-canary \(name)=\(image)",
                "\(kubectl) scale deployment/\(name)-canary --replicas=1",
                "\(kubectl) rollout status deployment/\(name)-canary --timeout=10m",
            ], gate: "every pod of \(name)-canary ready")]
        for step in canary.steps {
            if let weight = step.setWeight {
                steps.append(RolloutPlan.Step(title: "setWeight \(weight)", actions: weightActions(weight, routing: canary.effectiveTrafficRouting), gate: weight > 0 ? gate : nil))
            } else if let pause = step.pause {
                steps.append(RolloutPlan.Step(
                    title: pause.durationSeconds.map { "pause \($0) s" } ?? "pause until promoted", actions: ["hold the weights"], gate: nil))
            }
        }
        steps.append(RolloutPlan.Step(
            title: "promote",
            actions: [
                "\(kubectl) set image deployment/\(name)-stable \(name)=\(image)",
                "\(kubectl) rollout status deployment/\(name)-stable --timeout=10m",
            ] + weightActions(0, routing: canary.effectiveTrafficRouting, scaleCanary: false)
                + ["after \(canary.effectiveScaleDownDelaySeconds) s: \(kubectl) scale deployment/\(name)-canary --replicas=0"],
            gate: nil))
        return steps
    }

    /// The commands that make `weight` percent go to the canary.
    private func weightActions(_ weight: Int, routing: CanaryTrafficRouting, scaleCanary: Bool = true) -> [String] {
        let canaryPods = weight == 0 ? 0 : max(1, (replicas * weight + 99) / 100)
        var actions: [String] = []
        switch routing {
        case .gatewayAPI:
            if scaleCanary { actions.append("\(kubectl) scale deployment/\(name)-canary --replicas=\(canaryPods)") }
            let rule = rollout.testRouting == nil ? 0 : 1
            actions.append(
                "\(kubectl) patch httproute/\(name) --type=json -p '[{\"op\":\"replace\",\"path\":\"/spec/rules/\(rule)/backendRefs/0/weight\",\"value\":\(100 - weight)},{\"op\":\"replace\",\"path\":\"/spec/rules/\(rule)/backendRefs/1/weight\",\"value\":\(weight)}]'")
        case .ingressNginx:
            if scaleCanary { actions.append("\(kubectl) scale deployment/\(name)-canary --replicas=\(canaryPods)") }
            actions.append("\(kubectl) annotate ingress/\(name)-canary nginx.ingress.kubernetes.io/canary-weight=\"\(weight)\" --overwrite")
        case .replicas:
            let pods = Int((Double(replicas * weight) / 100).rounded())
            actions.append("\(kubectl) scale deployment/\(name)-canary --replicas=\(pods)")
            actions.append("\(kubectl) scale deployment/\(name)-stable --replicas=\(replicas - pods)")
        }
        return actions
    }

    func kubernetesRollback() -> String {
        if rollout.effectiveController == .argoRollouts {
            return "kubectl argo rollouts -n \(spec.namespace) abort \(name): the controller sends all traffic back to the stable ReplicaSet"
        }
        if rollout.strategy == .blueGreen {
            let active = rollout.blueGreen?.effectiveActiveSlot ?? .blue
            return "before the scale-down: \(kubectl) patch service/\(name) --type=merge -p '{\"spec\":{\"selector\":{\"ers.rollout/slot\":\"\(active.rawValue)\"}}}', then \(kubectl) scale deployment/\(name)-\(active.other.rawValue) --replicas=0"
        }
        return (weightActions(0, routing: rollout.canary?.effectiveTrafficRouting ?? .gatewayAPI, scaleCanary: false)
            + ["\(kubectl) scale deployment/\(name)-canary --replicas=0"]).joined(separator: "; ")
    }

    func afterwards() -> String {
        if rollout.strategy == .blueGreen, rollout.effectiveController == .ersctl {
            let active = rollout.blueGreen?.effectiveActiveSlot ?? .blue
            return "set services[\(name)].image.tag to \"\(version)\" and rollout.blueGreen.activeSlot to \(active.other.rawValue), so the next render matches the cluster"
        }
        return "set services[\(name)].image.tag to \"\(version)\" so the next render matches the cluster"
    }
}
