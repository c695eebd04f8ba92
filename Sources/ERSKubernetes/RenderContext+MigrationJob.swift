import ERSModel
import ERSRender

extension RenderContext {
    /// The directory of the migration Job's own kustomization, under `kubernetes/`.
    static let migrationDirectory = "migrate"

    /// Whether there are migration files to run.
    var hasMigrations: Bool { !migrations.isEmpty }

    /// `kubernetes/migrate/job.yaml` and `kubernetes/migrate/kustomization.yaml`: the
    /// migration Job with its ServiceAccount, ConfigMap and NetworkPolicy, in a kustomization
    /// of its own that is applied — and waited for — before `kubernetes/` (see the file's
    /// header and docs/cli.md). Empty when there are no migrations, no PostgreSQL datastore or
    /// no auth service.
    ///
    /// Why a separate kustomization, not a hook: plain kustomize has no ordering or hooks
    /// (Helm's `pre-upgrade`, Argo CD's `PreSync` are theirs), and a Job applied together with
    /// the Deployments runs while the new pods already start. Applying it first and waiting
    /// for `condition=complete` makes "migrations, then rollout" an explicit step that stops
    /// the release when a migration fails; concurrent runs are safe anyway (advisory lock).
    func migrationFiles() -> [RenderedFile] {
        guard hasMigrations, let runtime = DatabaseJobRuntime(context: self) else { return [] }
        let name = migrationJobName
        let labels = databaseJobLabels(name: name, component: "migrate", runtime: runtime)
        let configMapName = spec.name + DatabaseJobRuntime.migrationsConfigSuffix
        var data: [String: String] = [:]
        for file in migrations {
            let key = file.path.split(separator: "/").last.map(String.init) ?? file.path
            data[key] = file.contents
        }
        let configMap = object(
            apiVersion: "v1", kind: "ConfigMap", metadata: metadata(name: configMapName, labels: labels),
            [("data", .sortedMapping(data))])
        let template = databaseJobPodTemplate(
            labels: labels, runtime: runtime, args: ["migrate", "up", "--migrations", DatabaseJobRuntime.migrationsPath],
            configMap: configMapName, mountPath: DatabaseJobRuntime.migrationsPath)
        let job = object(
            apiVersion: "batch/v1", kind: "Job", metadata: metadata(name: name, labels: labels),
            [("spec", [
                "backoffLimit": 4,
                "activeDeadlineSeconds": 1800,
                "ttlSecondsAfterFinished": 86400,
                "template": template,
            ])])
        let objects = [
            serviceAccount(name: name, labels: labels), configMap, databaseJobNetworkPolicy(labels: labels, runtime: runtime), job,
        ]
        let directory = "kubernetes/\(Self.migrationDirectory)"
        let header = ManifestFile.header + """
            # The migration Job. Run it, and wait for it, before applying kubernetes/ (docs/cli.md):
            #   kubectl -n \(namespace) delete job \(name) --ignore-not-found
            #   kubectl apply -k kubernetes/\(Self.migrationDirectory)
            #   kubectl -n \(namespace) wait --for=condition=complete --timeout=30m job/\(name)
            #   kubectl apply -k kubernetes
            # A Job's pod template cannot change in place, hence the delete; the Job is idempotent
            # (`ersctl-db migrate up` applies only what is pending, under an advisory lock).

            """
        let kustomization: YAMLValue = [
            "apiVersion": "kustomize.config.k8s.io/v1beta1",
            "kind": "Kustomization",
            "metadata": ["name": .string("\(spec.name)-\(spec.environment)-migrate")],
            "resources": ["job.yaml"],
        ]
        return [
            RenderedFile(path: "\(directory)/job.yaml", contents: header + YAMLWriter.documents(objects)),
            RenderedFile(path: "\(directory)/kustomization.yaml", contents: ManifestFile.header + YAMLWriter.document(kustomization)),
        ]
    }
}
