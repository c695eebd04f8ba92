public import ERSModel

/// Choices the spec leaves to whoever renders it. The defaults suit a typical cluster; each
/// property names the Kubernetes field it ends up in.
public struct KubernetesRenderOptions: Sendable, Hashable {
    /// How the gateway is exposed, overriding the spec's `gateway.exposure.kind`: a Gateway API
    /// `HTTPRoute` or an `Ingress`. Nil keeps the spec's choice (and `httpRoute` when the spec
    /// has none).
    public var exposure: ExposureKind?
    /// The cluster's DNS domain, for in-cluster datastore host names
    /// (`<datastore>.<namespace>.svc.<clusterDomain>`; kubelet `--cluster-domain`).
    public var clusterDomain: String
    /// Old ReplicaSets / ControllerRevisions kept for rollback (`spec.revisionHistoryLimit`).
    public var revisionHistoryLimit: Int
    /// Seconds a service's pod gets between SIGTERM and SIGKILL
    /// (`spec.template.spec.terminationGracePeriodSeconds` of Deployments).
    public var terminationGracePeriodSeconds: Int
    /// Seconds a datastore's pod gets between SIGTERM and SIGKILL (StatefulSets; PostgreSQL
    /// needs time for a clean shutdown checkpoint).
    public var datastoreTerminationGracePeriodSeconds: Int
    /// The UID and GID a service's container runs as when the service does not set
    /// `runAsUser` (pod `securityContext.runAsUser`, `runAsGroup` and `fsGroup`). 65532 is the
    /// `nonroot` user of distroless images, which `ers-server` uses; nginx-unprivileged also
    /// runs under any UID.
    public var defaultRunAsUser: Int

    /// Creates options; every argument has the default described on its property.
    public init(
        exposure: ExposureKind? = nil, clusterDomain: String = "cluster.local", revisionHistoryLimit: Int = 5,
        terminationGracePeriodSeconds: Int = 30, datastoreTerminationGracePeriodSeconds: Int = 60,
        defaultRunAsUser: Int = 65532
    ) {
        self.exposure = exposure
        self.clusterDomain = clusterDomain
        self.revisionHistoryLimit = revisionHistoryLimit
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.datastoreTerminationGracePeriodSeconds = datastoreTerminationGracePeriodSeconds
        self.defaultRunAsUser = defaultRunAsUser
    }
}
