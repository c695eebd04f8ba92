public import ERSModel
public import ERSRender

/// Renders a system's Kubernetes manifests: a pure function from the typed model to files
/// under `kubernetes/`, byte-identical for the same input (no timestamps; keys in a fixed
/// order: `apiVersion`, `kind`, `metadata`, `spec`/`data`, then the API's usual order;
/// labels, annotations and config data sorted by key).
///
/// Files (see each part's documentation for the objects' shapes):
/// - `namespace.yaml`: the Namespace with the `restricted` Pod Security labels.
/// - `<service>.yaml` per service: ServiceAccount, ConfigMap, Deployment, Service,
///   HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy.
/// - `<datastore>.yaml` per in-cluster datastore: ServiceAccount, headless Service, Service,
///   StatefulSet, NetworkPolicy.
/// - `network-policies.yaml`: default deny for the namespace and DNS egress.
/// - `gateway-route.yaml`: an HTTPRoute (or Ingress) to the gateway's Service.
/// - `partition-maintenance.yaml`: the daily partition-maintenance CronJob (with its
///   ServiceAccount, ConfigMap and NetworkPolicy), when the spec has partitioned tables.
/// - `kustomization.yaml`: every file above, for `kubectl apply -k`.
/// - `migrate/job.yaml` and `migrate/kustomization.yaml`: the migration Job, applied and
///   waited for before the rest, when migrations are given.
///
/// Secrets appear only as references (Secret volumes, `*_FILE` variables); no secret value
/// is ever part of the model or the output.
public struct KubernetesRenderer: Sendable {
    /// The rendering choices.
    public var options: KubernetesRenderOptions

    /// Creates a renderer.
    public init(options: KubernetesRenderOptions = .init()) {
        self.options = options
    }

    /// The manifests of `spec`, sorted by path. `gatewayConfig` is the gateway's `nginx.conf`
    /// (rendered by the gateway renderer): it goes into the gateway's ConfigMap under the key
    /// `nginx.conf`, is mounted at `/etc/nginx/nginx.conf`, and is part of the gateway pods'
    /// `checksum/config`. The spec should have passed validation; an invalid one still
    /// renders (dangling references are left out), it never traps.
    ///
    /// `migrations` are the rendered SQL files (`sql/…`, from the SQL renderer): with them, the
    /// migration Job and its ConfigMap are rendered into `kubernetes/migrate/`, a kustomization
    /// of its own, applied before the rest (see `migrationFiles()`); without them there is no Job.
    public func render(_ spec: SystemSpec, gatewayConfig: String, migrations: [RenderedFile] = []) -> [RenderedFile] {
        let context = RenderContext(spec: spec, options: options, gatewayConfig: gatewayConfig, migrations: migrations)
        var files = [ManifestFile(name: "namespace.yaml", objects: [context.namespaceObject()])]
        files += spec.services.map(context.serviceFile)
        files += spec.datastores.compactMap(context.datastoreFile)
        files.append(ManifestFile(name: "network-policies.yaml", objects: context.namespacePolicies()))
        if let route = context.gatewayRouteFile() { files.append(route) }
        if let maintenance = context.partitionMaintenanceFile() { files.append(maintenance) }
        files.append(context.kustomizationFile(listing: files.map(\.name)))
        return (files.map(\.rendered) + context.migrationFiles()).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
