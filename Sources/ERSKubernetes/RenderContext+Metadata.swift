import ERSRender

extension RenderContext {
    /// `ObjectMeta` of a namespaced object: `name`, `namespace`, `labels` and `annotations`
    /// (maps sorted by key; empty maps left out). API reference: "ObjectMeta".
    func metadata(name: String, labels: [String: String], annotations: [String: String] = [:]) -> YAMLValue {
        metadata(name: name, sortedLabels: .sortedMapping(labels), annotations: annotations)
    }

    /// `ObjectMeta` of an object of a component, with all its labels.
    func metadata(name: String, labels: ComponentLabels, annotations: [String: String] = [:]) -> YAMLValue {
        metadata(name: name, sortedLabels: labels.sortedAll, annotations: annotations)
    }

    /// A `LabelSelector` with `matchLabels` only.
    func labelSelector(_ labels: [String: String]) -> YAMLValue {
        ["matchLabels": .sortedMapping(labels)]
    }

    /// The `LabelSelector` of a component: `matchLabels` with its selector labels.
    func labelSelector(_ labels: ComponentLabels) -> YAMLValue {
        ["matchLabels": labels.sortedSelector]
    }

    /// An object: `apiVersion`, `kind`, `metadata`, then the given body entries in order.
    func object(apiVersion: String, kind: String, metadata: YAMLValue, _ body: [(String, YAMLValue?)]) -> YAMLValue {
        var mapping: YAMLMapping = ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": metadata]
        for (key, value) in body { mapping[key] = value }
        return .mapping(mapping)
    }

    /// `ObjectMeta` with labels already sorted.
    private func metadata(name: String, sortedLabels: YAMLValue, annotations: [String: String]) -> YAMLValue {
        [
            "name": .string(name),
            "namespace": .string(namespace),
            "labels": sortedLabels.nonEmpty,
            "annotations": YAMLValue.sortedMapping(annotations).nonEmpty,
        ]
    }
}
