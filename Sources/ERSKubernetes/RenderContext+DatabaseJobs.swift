import ERSModel
import ERSRender

extension RenderContext {
    /// `<system>-migrate`: the migration Job, its ServiceAccount and NetworkPolicy.
    var migrationJobName: String { spec.name + DatabaseJobRuntime.migrationSuffix }
    /// `<system>-partition-maintenance`: the CronJob, its ServiceAccount, ConfigMap and NetworkPolicy.
    var partitionMaintenanceName: String { spec.name + SystemSpec.partitionMaintenanceSuffix }

    /// The names of the database jobs' pods (their `app.kubernetes.io/name`) that reach
    /// `datastore`: the in-cluster datastore's NetworkPolicy admits them beside its services.
    func databaseJobNames(for datastore: Datastore) -> [String] {
        guard let runtime = DatabaseJobRuntime(context: self), runtime.connection.datastore.name == datastore.name else { return [] }
        var names: [String] = []
        if hasMigrations { names.append(migrationJobName) }
        if !spec.partitionedTables.isEmpty { names.append(partitionMaintenanceName) }
        return names
    }

    /// The labels of a database job's objects and pods: component `migration` or `maintenance`.
    func databaseJobLabels(name: String, component: String, runtime: DatabaseJobRuntime) -> ComponentLabels {
        ComponentLabels(name: name, instance: instance, component: component, partOf: spec.name, version: runtime.version, extra: spec.labels ?? [:])
    }

    /// The pod template of a database job: one container running `ersctl-db args…` from the
    /// runtime image under the restricted security context, with the config map directory,
    /// the datastore's password file, a writable `/tmp`, no ServiceAccount token, and
    /// `restartPolicy: Never` (the Job's `backoffLimit` retries instead).
    /// API reference: "PodTemplateSpec", "Container".
    func databaseJobPodTemplate(
        labels: ComponentLabels, runtime: DatabaseJobRuntime, args: [String], configMap: String, mountPath: String
    ) -> YAMLValue {
        var volumes = PodVolumes()
        volumes.addConfigDirectory(configMap: configMap, at: mountPath)
        volumes.addEmptyDir(at: "/tmp")
        let connection = runtime.connection
        var env = [plainVariable(connection.urlEnvName, connection.url)]
        if let password = connection.datastore.passwordSecret {
            volumes.addSecretFile(
                named: DatastoreConnection.passwordFileName(of: connection.datastore), secretName: password.secretName,
                key: password.key, at: connection.passwordPath)
            env.append(plainVariable(connection.passwordFileEnvName, connection.passwordPath))
        }
        let container: YAMLValue = [
            "name": .string(labels.component),
            "image": .string(runtime.image),
            "imagePullPolicy": "IfNotPresent",
            "command": [.string(DatabaseJobRuntime.command)],
            "args": .sequence(args.map(YAMLValue.string)),
            "env": .sequence(env),
            "resources": [
                "requests": ["cpu": "50m", "memory": "64Mi"],
                "limits": ["cpu": "500m", "memory": "256Mi"],
            ],
            "securityContext": containerSecurityContext,
            "volumeMounts": .sequence(volumes.mounts),
        ]
        return [
            "metadata": ["labels": labels.sortedAll],
            "spec": [
                "serviceAccountName": .string(labels.name),
                "automountServiceAccountToken": false,
                "enableServiceLinks": false,
                "restartPolicy": "Never",
                "securityContext": podSecurityContext(user: runtime.user),
                "containers": [container],
                "volumes": .sequence(volumes.volumes),
            ],
        ]
    }

    /// The NetworkPolicy of a database job's pods: no ingress; egress to the datastore on its
    /// port only (its pods in the cluster, its `cidr` outside; any address when an external
    /// datastore has no `cidr`). DNS comes from the namespace's `allow-dns-egress`.
    func databaseJobNetworkPolicy(labels: ComponentLabels, runtime: DatabaseJobRuntime) -> YAMLValue {
        let datastore = runtime.connection.datastore
        let peers: [YAMLValue] =
            switch datastore.placement {
            case .inCluster: [podPeer(datastore.name)]
            case .external: datastore.cidr.map { [ipBlockPeer($0)] } ?? []
            }
        let egress = [policyRule("to", peers: peers, ports: [policyPort(datastore.effectivePort)])]
        return networkPolicy(name: labels.name, labels: labels, ingress: [], egress: egress)
    }
}
