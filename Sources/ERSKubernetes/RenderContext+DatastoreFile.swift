import ERSModel
import ERSRender

extension RenderContext {
    /// `kubernetes/<datastore>.yaml` of an in-cluster datastore, in this order: ServiceAccount,
    /// headless Service `<datastore>-headless` (the StatefulSet's stable pod names), Service
    /// `<datastore>` (what the services connect to), StatefulSet, NetworkPolicy (ingress only
    /// from the services that use it and the database jobs, on its port; no egress beyond DNS).
    /// Nil for an external datastore.
    func datastoreFile(for datastore: Datastore) -> ManifestFile? {
        guard datastore.placement == .inCluster else { return nil }
        let labels = labels(for: datastore)
        let port = ContainerPort(name: DatastoreRuntime(datastore: datastore).portName, containerPort: datastore.effectivePort)
        let users = users(of: datastore) + databaseJobNames(for: datastore)
        let ingress = users.isEmpty ? [] : [policyRule("from", peers: users.map(podPeer), ports: policyPorts([port]))]
        let objects: [YAMLValue?] = [
            serviceAccount(name: datastore.name, labels: labels),
            kubernetesService(name: headlessServiceName(of: datastore), labels: labels, ports: [port], headless: true),
            kubernetesService(name: datastore.name, labels: labels, ports: [port]),
            statefulSet(for: datastore),
            networkPolicy(name: datastore.name, labels: labels, ingress: ingress, egress: []),
        ]
        return ManifestFile(name: "\(datastore.name).yaml", objects: objects.compactMap { $0 })
    }
}
