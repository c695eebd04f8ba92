/// How a Kubernetes canary splits traffic (`rollout.canary.trafficRouting`).
public enum CanaryTrafficRouting: String, Sendable, Hashable, Codable, CaseIterable {
    /// A Gateway API `HTTPRoute` attached to the service's Service (GAMMA, for a mesh that
    /// implements it) with `backendRefs` weights to `<service>-stable` and `<service>-canary`,
    /// and the test-routing match as a rule of its own. Weights are exact.
    case gatewayAPI
    /// ingress-nginx canary annotations on a second Ingress (`canary-weight`,
    /// `canary-by-header`, `canary-by-cookie`). ingress-nginx is retired: an option, not the default.
    case ingressNginx
    /// No traffic router: one Service selects both versions' pods, so the split follows the
    /// ratio of canary to stable pods (a weight may not be realisable exactly: validation warns).
    case replicas
}
