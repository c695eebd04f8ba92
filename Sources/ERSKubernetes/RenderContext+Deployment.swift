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
    /// - pod template: see ``podTemplate(for:config:labels:)``.
    /// API reference: "Deployment", "PodSpec".
    func deployment(for service: Service, config: ConfigData) -> YAMLValue {
        deployment(for: service, config: config, variant: WorkloadVariant.plain(of: service, labels: labels(for: service)))
    }

    /// A Deployment of `service` shaped by `variant`: its name, labels and selector (a
    /// blue-green slot or a canary track adds its label to both), and replica count.
    func deployment(for service: Service, config: ConfigData, variant: WorkloadVariant) -> YAMLValue {
        let deploymentSpec: YAMLValue = [
            "replicas": variant.replicas.map(YAMLValue.int),
            "revisionHistoryLimit": .int(options.revisionHistoryLimit),
            "selector": labelSelector(variant.labels),
            "strategy": rollingUpdate(service.rollout),
            "template": podTemplate(for: service, config: config, labels: variant.labels),
        ]
        return object(
            apiVersion: "apps/v1", kind: "Deployment", metadata: metadata(name: variant.name, labels: variant.labels),
            [("spec", deploymentSpec)])
    }

    /// The pod template of `service` (`PodTemplateSpec`): every label of `labels`,
    /// `checksum/config` (SHA-256 of the ConfigMap data the pod consumes, when it consumes
    /// any), its own ServiceAccount without a token, no service links in the environment, the
    /// restricted security context, zone and node spread of the pods `labels` selects.
    func podTemplate(for service: Service, config: ConfigData, labels: ComponentLabels) -> YAMLValue {
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
        return [
            "metadata": [
                "labels": labels.sortedAll,
                "annotations": YAMLValue.sortedMapping(annotations).nonEmpty,
            ],
            "spec": podSpec,
        ]
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
