/// Who carries a blue-green or canary release out in Kubernetes (`rollout.controller`).
public enum RolloutController: String, Sendable, Hashable, Codable, CaseIterable {
    /// Plain Deployments and Services (and an HTTPRoute or Ingress for a canary), patched step
    /// by step as `ersctl rollout plan` prints (default).
    case ersctl
    /// An Argo Rollouts `Rollout` (argoproj.io/v1alpha1) with the same steps and Services; the
    /// Argo Rollouts controller must be installed in the cluster.
    case argoRollouts
}
