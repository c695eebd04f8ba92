import ERSModel
import ERSRender

extension ComposeContext {
    /// A datastore's container, run locally whatever its Kubernetes placement: the spec's image
    /// (or ``ComposeRenderOptions/defaultDatastoreImages``), the image's own user, read-only
    /// root filesystem with tmpfs for the paths the image writes, data in the named volume
    /// `<datastore>-data`, the password as the secret `<datastore>-password`, never published.
    mutating func datastoreEntry(_ datastore: Datastore) -> YAMLValue {
        let path = FieldPath.root.key("datastores").name(datastore.name)
        var image = datastore.image.map(spec.resolvedImage)
        if image == nil { image = options.defaultDatastoreImages[datastore.engine] }
        if image == nil {
            fail(path.key("image"), "compose runs every datastore locally and needs an image; set one or a default for \(datastore.engine.rawValue)")
        }
        let runtime: DatastoreRuntime = datastore.engine == .postgresql ? .postgres(datastore) : .redis(datastore)
        let secrets: [YAMLValue] = datastore.passwordSecret == nil ? [] : [.string(DatastoreConnection.passwordFileName(of: datastore))]
        let volume: YAMLValue = ["type": "volume", "source": .string(ComposeContext.volumeName(of: datastore)), "target": .string(runtime.dataPath)]
        return [
            "image": image.map(YAMLValue.string),
            "entrypoint": runtime.entrypoint.map { .sequence($0.map(YAMLValue.string)) },
            "user": .string(userText(options.datastoreUser)),
            "read_only": true,
            "tmpfs": .sequence(runtime.writablePaths.map(YAMLValue.string)),
            "cap_drop": ["ALL"],
            "security_opt": ["no-new-privileges:true"],
            "environment": .sortedMapping(runtime.environment),
            "secrets": YAMLValue.sequence(secrets).nonEmpty,
            "volumes": [volume],
            "healthcheck": ComposeContext.healthcheck(
                test: runtime.healthcheck, intervalSeconds: 5, timeoutSeconds: 5, retries: 3, startPeriodSeconds: runtime.startPeriodSeconds),
            "deploy": resourceLimits(datastore.resources, at: path.key("resources")),
            "restart": "unless-stopped",
            "stop_grace_period": .string("\(options.datastoreStopGracePeriodSeconds)s"),
        ]
    }
}
