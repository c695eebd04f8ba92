import ERSRender

extension RenderContext {
    /// `ObjectMeta` of a namespaced object: `name`, `namespace`, `labels` and `annotations`
    /// (maps sorted by key; empty maps left out). API reference: "ObjectMeta".
    func metadata(name: String, labels: [String: String], annotations: [String: String] = [:]) -> YAMLValue {
        [
            "name": .string(name),
            "namespace": .string(namespace),
            "labels": YAMLValue.sortedMapping(labels).nonEmpty,
            "annotations": YAMLValue.sortedMapping(annotations).nonEmpty,
        ]
    }

    /// A `LabelSelector` with `matchLabels` only.
    func labelSelector(_ labels: [String: String]) -> YAMLValue {
        ["matchLabels": .sortedMapping(labels)]
    }

    /// An object: `apiVersion`, `kind`, `metadata`, then the given body entries in order.
    func object(apiVersion: String, kind: String, metadata: YAMLValue, _ body: [(String, YAMLValue?)]) -> YAMLValue {
        var mapping: YAMLMapping = ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": metadata]
        for (key, value) in body { mapping[key] = value }
        return .mapping(mapping)
    }
}
