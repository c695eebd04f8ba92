import ERSModel
import ERSRender

extension RenderContext {
    /// The annotation carrying the checksum of the config a pod consumes.
    static let configChecksumAnnotation = "checksum/config"

    /// The `apps/v1` Deployment of `service`.
    ///
    /// - `replicas` (default 1) only when no HorizontalPodAutoscaler owns the count.
    /// - `selector`: `app.kubernetes.io/name` and `app.kubernetes.io/instance` only (immutable).
    /// - `strategy`: `RollingUpdate` with the rollout's `maxSurge` / `maxUnavailable`
    ///   (default `25%` / `0`: never below the desired count).
    /// - pod template: every label, `checksum/config` (SHA-256 of the ConfigMap data the pod
    ///   consumes, when it consumes any), its own ServiceAccount without a token, no service
    ///   links in the environment, the restricted security context, zone and node spread.
    /// API reference: "Deployment", "PodSpec".
    func deployment(for service: Service, config: ConfigData) -> YAMLValue {
        let labels = labels(for: service)
        var volumes = PodVolumes()
        let container = container(for: service, config: config, volumes: &volumes)
        let annotations = config.isEmpty ? [:] : [RenderContext.configChecksumAnnotation: config.checksum]
        let podSpec: YAMLValue = [
            "serviceAccountName": .string(service.name),
            "automountServiceAccountToken": false,
            "enableServiceLinks": false,
            "securityContext": podSecurityContext(user: service.runAsUser ?? options.defaultRunAsUser),
            "terminationGracePeriodSeconds": .int(options.terminationGracePeriodSeconds),
            "topologySpreadConstraints": topologySpread(selector: labels, perRevision: true),
            "containers": [container],
            "volumes": YAMLValue.sequence(volumes.volumes).nonEmpty,
        ]
        let template: YAMLValue = [
            "metadata": [
                "labels": labels.sortedAll,
                "annotations": YAMLValue.sortedMapping(annotations).nonEmpty,
            ],
            "spec": podSpec,
        ]
        let deploymentSpec: YAMLValue = [
            "replicas": service.autoscaling == nil ? .int(service.replicas ?? 1) : nil,
            "revisionHistoryLimit": .int(options.revisionHistoryLimit),
            "selector": labelSelector(labels),
            "strategy": rollingUpdate(service.rollout),
            "template": template,
        ]
        return object(
            apiVersion: "apps/v1", kind: "Deployment", metadata: metadata(name: service.name, labels: labels),
            [("spec", deploymentSpec)])
    }

    /// `strategy: {type: RollingUpdate, rollingUpdate: {maxSurge, maxUnavailable}}`.
    private func rollingUpdate(_ rollout: RolloutStrategy?) -> YAMLValue {
        let maxSurge = rollout?.maxSurge ?? RolloutStrategy.rolling.maxSurge ?? .percent(25)
        let maxUnavailable = rollout?.maxUnavailable ?? RolloutStrategy.rolling.maxUnavailable ?? .count(0)
        return [
            "type": "RollingUpdate",
            "rollingUpdate": ["maxSurge": maxSurge.yaml, "maxUnavailable": maxUnavailable.yaml],
        ]
    }
}
