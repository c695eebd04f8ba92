import ERSRender

extension RenderContext {
    /// `kubernetes/kustomization.yaml`: a `kustomize.config.k8s.io/v1beta1` Kustomization
    /// listing `files` (sorted), so `kubectl apply -k DIR/kubernetes` applies everything. No
    /// namespace transformer: every namespaced object states its namespace.
    func kustomizationFile(listing files: [String]) -> ManifestFile {
        let resources = files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map(YAMLValue.string)
        let kustomization: YAMLValue = [
            "apiVersion": "kustomize.config.k8s.io/v1beta1",
            "kind": "Kustomization",
            // Named, so tools that index objects by kind and name tell it from migrate/'s.
            "metadata": ["name": .string("\(spec.name)-\(spec.environment)")],
            "resources": .sequence(resources),
        ]
        return ManifestFile(name: "kustomization.yaml", objects: [kustomization])
    }
}
