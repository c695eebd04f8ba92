/// The kinds of object ERS renders, with the rules their names must follow.
///
/// The raw value is the API `kind` (`"HorizontalPodAutoscaler"`). See ``nameRule`` and
/// ``maxNameLength`` for each kind's name rule, limit, and where they come from.
public enum KubernetesKind: String, Sendable, Hashable, CaseIterable {
    /// `v1` Namespace: DNS-1123 label, 63.
    case namespace = "Namespace"
    /// `v1` ServiceAccount: DNS-1123 subdomain, 253.
    case serviceAccount = "ServiceAccount"
    /// `apps/v1` Deployment: DNS-1123 subdomain, 63 (ERS's limit, see ``maxNameLength``).
    case deployment = "Deployment"
    /// `apps/v1` StatefulSet: DNS-1123 label, 52 (see ``maxNameLength``).
    case statefulSet = "StatefulSet"
    /// `v1` Service: DNS-1035 label, 63.
    case service = "Service"
    /// `v1` ConfigMap: DNS-1123 subdomain, 253.
    case configMap = "ConfigMap"
    /// `v1` Secret: DNS-1123 subdomain, 253.
    case secret = "Secret"
    /// `autoscaling/v2` HorizontalPodAutoscaler: DNS-1123 subdomain, 253.
    case horizontalPodAutoscaler = "HorizontalPodAutoscaler"
    /// `policy/v1` PodDisruptionBudget: DNS-1123 subdomain, 253.
    case podDisruptionBudget = "PodDisruptionBudget"
    /// `networking.k8s.io/v1` NetworkPolicy: DNS-1123 subdomain, 253.
    case networkPolicy = "NetworkPolicy"
    /// `networking.k8s.io/v1` Ingress: DNS-1123 subdomain, 253.
    case ingress = "Ingress"
    /// Gateway API `gateway.networking.k8s.io/v1` HTTPRoute (a custom resource): DNS-1123
    /// subdomain, 253.
    case httpRoute = "HTTPRoute"
    /// `batch/v1` Job: DNS-1123 subdomain, 63 (see ``maxNameLength``).
    case job = "Job"
    /// `batch/v1` CronJob: DNS-1123 subdomain, 52 (see ``maxNameLength``).
    case cronJob = "CronJob"
    /// `v1` PersistentVolumeClaim: DNS-1123 subdomain, 253.
    case persistentVolumeClaim = "PersistentVolumeClaim"
    /// Argo Rollouts `argoproj.io/v1alpha1` Rollout (a custom resource replacing a Deployment):
    /// DNS-1123 subdomain, 63 like a Deployment.
    case rollout = "Rollout"

    /// The API `kind`, as written in manifests.
    public var kindName: String { rawValue }

    /// The problems of `name` as this kind's `metadata.name`: the ``nameRule`` shape and the
    /// ``maxNameLength`` limit, each a sentence with a corrected example, e.g. `'Auth_Service'
    /// is not a valid Service name (a DNS-1035 label): it must consist of lower case
    /// alphanumeric characters or '-', start with a letter and end with an alphanumeric
    /// character (e.g. 'auth-service')`. Empty when the name is valid.
    public func nameProblems(_ name: String) -> [String] {
        nameRule.problems(
            for: name,
            subject: "\(kindName) name (a \(nameRule.displayName))",
            maxLength: maxNameLength,
            lengthReason: maxNameLength < nameRule.maxLength ? nameLengthReason : nil)
    }
}
