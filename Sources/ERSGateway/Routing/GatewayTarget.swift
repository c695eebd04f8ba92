/// Where the rendered gateway runs, which decides only how an upstream's servers are addressed.
/// Everything else in the config is the same for every target.
///
/// nginx resolves upstream host names once, when it starts or reloads (nginx docs,
/// ngx_http_upstream_module, `server`): a name must resolve at that moment, and a later change of
/// its address is seen only after the next reload.
public enum GatewayTarget: Sendable, Hashable {
    /// A pod in the spec's namespace: `<service>.<namespace>.svc.<clusterDomain>:<servicePort>`
    /// (a fully qualified name, so no resolver search list is tried; pass the same cluster
    /// domain as ERSKubernetes' `KubernetesRenderOptions.clusterDomain`, kubelet
    /// `--cluster-domain`).
    ///
    /// Resolving once is correct here: a ClusterIP Service keeps its virtual IP for its whole
    /// lifetime, and kube-proxy spreads the gateway's connections over the ready pods behind it.
    /// Only deleting and re-creating a Service changes the IP; restart the gateway pods then.
    case kubernetes(clusterDomain: String = "cluster.local")
    /// A compose project: `<service>:<containerPort>`, the service's name on the project network.
    ///
    /// Docker's embedded DNS answers with the container's current IP; a re-created container
    /// gets a new one, so compose restarts the gateway after re-creating a routed service
    /// (`depends_on.<service>.restart: true` in the rendered compose file).
    case compose
    /// Every upstream on one host, at the port given per service name: `<address>:<port>`
    /// (`address` a host name or IPv4 address). For tests that run nginx without name
    /// resolution. A routed service missing from `ports` is an error.
    case host(address: String, ports: [String: Int])
    /// Explicit servers per service name, with weights or `down`: for a single host or VM
    /// behind the gateway where two versions of a service run side by side (the rollout
    /// executor shifts weight by rendering again with new weights; the generation changes with
    /// them). A routed service missing from the map, a weight below 1, or an upstream whose
    /// servers are all `down` is an error.
    case servers([String: [UpstreamServer]])
}
