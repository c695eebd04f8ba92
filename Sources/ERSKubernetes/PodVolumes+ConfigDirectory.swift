import ERSRender

extension PodVolumes {
    /// Every key of a ConfigMap as a file in the read-only directory `path` (a `configMap`
    /// volume without `items` or `subPath`).
    mutating func addConfigDirectory(configMap: String, at path: String) {
        add(name: "config-\(configMap)", source: ("configMap", ["name": .string(configMap)]), mount: ["mountPath": .string(path), "readOnly": true])
    }
}
