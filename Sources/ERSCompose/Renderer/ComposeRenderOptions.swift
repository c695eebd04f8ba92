public import ERSModel

/// Choices the spec leaves to whoever renders the compose file. The defaults match the
/// Kubernetes render (ERSKubernetes `KubernetesRenderOptions`), so a laptop runs the containers
/// the way the cluster does.
public struct ComposeRenderOptions: Sendable, Hashable {
    /// The UID and GID of a service's container (compose `user`, Kubernetes `runAsUser` and
    /// `runAsGroup`): 65532, the distroless `nonroot` user `ers-server` runs as;
    /// nginx-unprivileged runs under any UID.
    public var defaultRunAsUser: Int
    /// The UID and GID the official `postgres` and `redis` images are built around (999).
    public var datastoreUser: Int
    /// The host address published ports bind to (compose `ports[].host_ip`): loopback, so a
    /// laptop does not offer the gateway to its network.
    public var publishAddress: String
    /// The image of a datastore that has none in the spec (one that is external in
    /// Kubernetes): compose runs every datastore locally. Defaults to the versions base.yaml
    /// pins for its in-cluster datastores.
    public var defaultDatastoreImages: [DatastoreEngine: String]
    /// Seconds a service gets between SIGTERM and SIGKILL (compose `stop_grace_period`,
    /// Kubernetes `terminationGracePeriodSeconds`).
    public var stopGracePeriodSeconds: Int
    /// The same for datastores (PostgreSQL needs time for a shutdown checkpoint).
    public var datastoreStopGracePeriodSeconds: Int

    /// Creates options; every argument has the default described on its property.
    public init(
        defaultRunAsUser: Int = 65532, datastoreUser: Int = 999, publishAddress: String = "127.0.0.1",
        defaultDatastoreImages: [DatastoreEngine: String] = [
            .postgresql: "docker.io/library/postgres:15.10-bookworm", .redis: "docker.io/library/redis:7.2.7-bookworm",
        ],
        stopGracePeriodSeconds: Int = 30, datastoreStopGracePeriodSeconds: Int = 60
    ) {
        self.defaultRunAsUser = defaultRunAsUser
        self.datastoreUser = datastoreUser
        self.publishAddress = publishAddress
        self.defaultDatastoreImages = defaultDatastoreImages
        self.stopGracePeriodSeconds = stopGracePeriodSeconds
        self.datastoreStopGracePeriodSeconds = datastoreStopGracePeriodSeconds
    }
}
