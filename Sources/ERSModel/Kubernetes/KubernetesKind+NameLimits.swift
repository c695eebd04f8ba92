extension KubernetesKind {
    /// The shape this kind's names must have.
    ///
    /// Sources (kubernetes/kubernetes, pkg/apis/*/validation): Namespace uses
    /// `ValidateNamespaceName` (`NameIsDNSLabel`); Service uses `ValidateServiceName`
    /// (`NameIsDNS1035Label`); the other built-in kinds, and custom resources (HTTPRoute,
    /// Rollout), use `NameIsDNSSubdomain`. StatefulSet is the exception ERS tightens: the API
    /// accepts a subdomain, but its pods are named `<name>-<ordinal>` and take that as
    /// `spec.hostname`, which must be a DNS-1123 label, so a dot makes every pod invalid.
    public var nameRule: KubernetesNameRule {
        switch self {
        case .namespace, .statefulSet: .dns1123Label
        case .service: .dns1035Label
        case .serviceAccount, .deployment, .configMap, .secret, .horizontalPodAutoscaler, .podDisruptionBudget,
            .networkPolicy, .ingress, .httpRoute, .job, .cronJob, .persistentVolumeClaim, .rollout:
            .dns1123Subdomain
        }
    }

    /// The longest name ERS accepts for this kind, in characters: the API server's own limit,
    /// or a tighter one where a longer name is accepted but then breaks (see
    /// ``nameLengthReason``).
    ///
    /// - 52 for CronJob: enforced by the API server (`ValidateCronJob`, 63 − 11), because the
    ///   controller names each Job `<name>-<timestamp>` (11 more characters).
    /// - 52 for StatefulSet: the API accepts 253, but each pod gets the label
    ///   `controller-revision-hash: <name>-<10-character hash>`, and a label value may not exceed
    ///   63, so pods of a longer StatefulSet are rejected (kubernetes/kubernetes#64023).
    /// - 63 for Job: the API accepts 253, but it copies the name into the `job-name` and
    ///   `batch.kubernetes.io/job-name` labels of the pod template, rejected beyond 63.
    /// - 63 for Deployment and Rollout: ERS's choice. The API accepts 253 (pod names derived from
    ///   it are truncated), but the name is conventionally reused as a label value
    ///   (`app.kubernetes.io/name`) and as a Service name, both limited to 63.
    /// - 63 for Namespace and Service (DNS labels), 253 for every other kind (DNS subdomains).
    public var maxNameLength: Int {
        switch self {
        case .cronJob, .statefulSet: 52
        case .job, .deployment, .rollout: 63
        default: nameRule.maxLength
        }
    }

    /// Why ``maxNameLength`` is below what ``nameRule`` allows, for messages; nil when it is not.
    public var nameLengthReason: String? {
        switch self {
        case .cronJob:
            "the CronJob controller appends an 11-character suffix ('-' and a timestamp) to the names of "
                + "the Jobs it creates, which may not exceed 63"
        case .statefulSet:
            "each pod gets the label controller-revision-hash '<name>-<10-character hash>', and a label value "
                + "may not exceed 63"
        case .job:
            "the name is copied into the job-name labels of its pods, and a label value may not exceed 63"
        case .deployment, .rollout:
            "the name is conventionally reused as a label value (app.kubernetes.io/name) and as a Service "
                + "name, both limited to 63"
        default:
            nil
        }
    }
}
