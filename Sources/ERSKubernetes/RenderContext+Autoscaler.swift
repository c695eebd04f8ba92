import ERSModel
import ERSRender

extension RenderContext {
    /// The `autoscaling/v2` HorizontalPodAutoscaler of a service with `autoscaling`: its
    /// workload as the target (``scaleTarget(of:)``), min and max replicas, `Resource` metrics with `Utilization`
    /// targets (percent of the request), and `behavior` only when the spec sets it.
    /// Nil without autoscaling. API reference: "HorizontalPodAutoscaler (autoscaling/v2)".
    func horizontalPodAutoscaler(for service: Service) -> YAMLValue? {
        guard let autoscaling = service.autoscaling else { return nil }
        let metrics: [YAMLValue] = autoscaling.metrics.map { metric in
            [
                "type": "Resource",
                "resource": [
                    "name": .string(metric.resource.rawValue),
                    "target": ["type": "Utilization", "averageUtilization": .int(metric.averageUtilization)],
                ],
            ]
        }
        let target = scaleTarget(of: service)
        let spec: YAMLValue = [
            "scaleTargetRef": ["apiVersion": .string(target.apiVersion), "kind": .string(target.kind), "name": .string(target.name)],
            "minReplicas": .int(autoscaling.minReplicas),
            "maxReplicas": .int(autoscaling.maxReplicas),
            "metrics": YAMLValue.sequence(metrics).nonEmpty,
            "behavior": autoscaling.behavior.flatMap(scalingBehavior),
        ]
        return object(
            apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler",
            metadata: metadata(name: service.name, labels: labels(for: service)), [("spec", spec)])
    }

    /// `behavior: {scaleUp, scaleDown}` with only what is set; nil when nothing is.
    private func scalingBehavior(_ behavior: ScalingBehavior) -> YAMLValue? {
        let value: YAMLValue = [
            "scaleUp": behavior.scaleUp.map(scalingRules),
            "scaleDown": behavior.scaleDown.map(scalingRules),
        ]
        return value.nonEmpty
    }

    /// `HPAScalingRules`: `stabilizationWindowSeconds`, `selectPolicy`, `policies`.
    private func scalingRules(_ rules: ScalingRules) -> YAMLValue {
        let policies: [YAMLValue]? = rules.policies?.map { policy in
            ["type": .string(policy.type.rawValue), "value": .int(policy.value), "periodSeconds": .int(policy.periodSeconds)]
        }
        return [
            "stabilizationWindowSeconds": rules.stabilizationWindowSeconds.map(YAMLValue.int),
            "selectPolicy": rules.selectPolicy.map { .string($0.rawValue) },
            "policies": policies.map(YAMLValue.sequence),
        ]
    }
}
