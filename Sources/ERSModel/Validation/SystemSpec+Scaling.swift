extension SystemSpec {
    /// Replicas, autoscaling bounds and disruption budgets (HorizontalPodAutoscaler and
    /// PodDisruptionBudget validation, and budgets that would block every node drain).
    func validateScaling() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for service in services {
            let path = FieldPath([.key("services"), .name(service.name)])
            if let hpa = service.autoscaling {
                if hpa.minReplicas > hpa.maxReplicas {
                    diagnostics.append(.error(path.key("autoscaling").key("minReplicas"), "minReplicas \(hpa.minReplicas) is above maxReplicas \(hpa.maxReplicas); make minReplicas ≤ maxReplicas"))
                }
                if hpa.metrics.isEmpty {
                    diagnostics.append(.error(path.key("autoscaling").key("metrics"), "no metrics: the autoscaler has nothing to scale on; add e.g. {resource: cpu, averageUtilization: 70}"))
                }
                for metric in hpa.metrics {
                    let request = metric.resource == .cpu ? service.resources?.requests?.cpu : service.resources?.requests?.memory
                    if request == nil {
                        diagnostics.append(.error(path.key("autoscaling").key("metrics"), "a \(metric.resource.rawValue) utilization target needs a \(metric.resource.rawValue) request (utilization is a percent of it); set resources.requests.\(metric.resource.rawValue)"))
                    }
                }
                if service.replicas != nil {
                    diagnostics.append(.error(path.key("replicas"), "replicas is set while an autoscaler owns the replica count; remove replicas (the autoscaler keeps between minReplicas and maxReplicas)"))
                }
            }
            if let budget = service.disruptionBudget {
                diagnostics += validate(budget, service: service, path: path.key("disruptionBudget"))
            }
        }
        return diagnostics
    }

    private func validate(_ budget: DisruptionBudget, service: Service, path: FieldPath) -> [Diagnostic] {
        switch (budget.minAvailable, budget.maxUnavailable) {
        case (nil, nil):
            return [.error(path, "set exactly one of minAvailable and maxUnavailable")]
        case (_?, _?):
            return [.error(path, "minAvailable and maxUnavailable are both set; the API allows one — keep maxUnavailable (it tracks scaling)")]
        case (nil, let maxUnavailable?):
            if maxUnavailable == .count(0) || maxUnavailable == .percent(0) {
                return [.error(path.key("maxUnavailable"), "maxUnavailable \(maxUnavailable) lets no pod be evicted, so every node drain blocks; use at least 1")]
            }
        case (let minAvailable?, nil):
            let fewest = service.autoscaling?.minReplicas ?? service.replicas ?? 1
            let blocks: Bool
            switch minAvailable {
            case .percent(let percent): blocks = percent >= 100
            case .count(let count): blocks = count >= fewest
            }
            if blocks {
                return [.error(path.key("minAvailable"), "minAvailable \(minAvailable) with \(fewest) replica\(fewest == 1 ? "" : "s") lets no pod be evicted, so every node drain blocks; use maxUnavailable: 1 or a lower minAvailable")]
            }
        }
        return []
    }
}
