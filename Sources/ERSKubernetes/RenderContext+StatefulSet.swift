import ERSModel
import ERSRender

extension RenderContext {
    /// The `apps/v1` StatefulSet of an in-cluster datastore: one replica, governed by the
    /// headless Service `<datastore>-headless`, the engine's container (see
    /// ``postgresContainer(_:volumes:)`` and ``redisContainer(_:volumes:)``) under the
    /// restricted security context as the image's user 999 (`fsGroup` 999 makes the volume
    /// writable; `OnRootMismatch` spares a recursive walk of the data on each start), and a
    /// `ReadWriteOnce` volume claim `data` of `storage.size` (default 10Gi / 1Gi).
    ///
    /// The claim template carries only the selector labels: `volumeClaimTemplates` cannot be
    /// changed on an existing StatefulSet, so it must not change with the image version.
    /// API reference: "StatefulSet", "PersistentVolumeClaim".
    func statefulSet(for datastore: Datastore) -> YAMLValue {
        let labels = labels(for: datastore)
        let runtime = DatastoreRuntime(datastore: datastore)
        var volumes = PodVolumes()
        let engineEntries =
            switch datastore.engine {
            case .postgresql: postgresContainer(runtime, volumes: &volumes)
            case .redis: redisContainer(runtime, volumes: &volumes)
            }
        let engine = Dictionary(engineEntries, uniquingKeysWith: { _, last in last })
        let port = ContainerPort(name: runtime.portName, containerPort: datastore.effectivePort)
        let entries: [(String, YAMLValue?)] = [
            ("name", .string(datastore.name)),
            ("image", .string(spec.resolvedImage(DatastoreImage.reference(of: datastore)))),
            ("imagePullPolicy", "IfNotPresent"),
            ("command", engine["command"] ?? nil),
            ("ports", [containerPort(port)]),
            ("env", engine["env"] ?? nil),
            ("resources", resources(datastore.resources)),
            ("livenessProbe", engine["livenessProbe"] ?? nil),
            ("readinessProbe", engine["readinessProbe"] ?? nil),
            ("startupProbe", engine["startupProbe"] ?? nil),
            ("securityContext", containerSecurityContext),
            ("volumeMounts", YAMLValue.sequence(volumes.mounts).nonEmpty),
        ]
        let container = YAMLValue.mapping(YAMLMapping(entries.compactMap { key, value in value.map { (key: key, value: $0) } }))
        let podSpec: YAMLValue = [
            "serviceAccountName": .string(datastore.name),
            "automountServiceAccountToken": false,
            "enableServiceLinks": false,
            "securityContext": podSecurityContext(user: DatastoreRuntime.imageUser, changeGroupOnRootMismatch: true),
            "terminationGracePeriodSeconds": .int(options.datastoreTerminationGracePeriodSeconds),
            "topologySpreadConstraints": topologySpread(selector: labels, perRevision: false),
            "containers": [container],
            "volumes": YAMLValue.sequence(volumes.volumes).nonEmpty,
        ]
        let statefulSetSpec: YAMLValue = [
            "replicas": 1,
            "revisionHistoryLimit": .int(options.revisionHistoryLimit),
            "serviceName": .string(headlessServiceName(of: datastore)),
            "selector": labelSelector(labels),
            "updateStrategy": ["type": "RollingUpdate"],
            "template": ["metadata": ["labels": labels.sortedAll], "spec": podSpec],
            "volumeClaimTemplates": [volumeClaimTemplate(for: datastore, runtime: runtime, labels: labels)],
        ]
        return object(
            apiVersion: "apps/v1", kind: "StatefulSet", metadata: metadata(name: datastore.name, labels: labels),
            [("spec", statefulSetSpec)])
    }

    /// `<datastore>-headless`.
    func headlessServiceName(of datastore: Datastore) -> String { "\(datastore.name)-headless" }

    /// The `data` claim template: `ReadWriteOnce`, the spec's size and class, selector labels only.
    private func volumeClaimTemplate(for datastore: Datastore, runtime: DatastoreRuntime, labels: ComponentLabels) -> YAMLValue {
        let size = datastore.storage?.size.description ?? runtime.defaultStorageSize
        return [
            "metadata": ["name": .string(DatastoreRuntime.dataVolume), "labels": labels.sortedSelector],
            "spec": [
                "accessModes": ["ReadWriteOnce"],
                "storageClassName": datastore.storage?.storageClassName.map(YAMLValue.string),
                "resources": ["requests": ["storage": .string(size)]],
            ],
        ]
    }
}
