import ERSRender

/// The volumes of a pod template and the matching `volumeMounts` of its one container, in the
/// order they are added. Volume names are DNS-1123 labels made unique within the pod.
struct PodVolumes: Sendable {
    /// `spec.template.spec.volumes`.
    private(set) var volumes: [YAMLValue] = []
    /// `containers[0].volumeMounts`.
    private(set) var mounts: [YAMLValue] = []
    /// Names given out so far.
    private var names: Set<String> = []

    /// File mode of mounted secrets: `0400` (owner read; the kubelet adds group read for
    /// `fsGroup`), as the decimal integer the API takes.
    static let secretFileMode = 0o400

    /// No volumes.
    init() {}

    /// An `emptyDir` mounted read-write at `path` (a writable path in a read-only root
    /// filesystem). `medium: Memory` keeps its files off the node's disk.
    mutating func addEmptyDir(at path: String, inMemory: Bool = false, sizeLimit: String? = nil) {
        let source: YAMLValue = [
            "medium": inMemory ? "Memory" : nil,
            "sizeLimit": sizeLimit.map(YAMLValue.string),
        ]
        add(name: path, source: ("emptyDir", source), mount: ["mountPath": .string(path)])
    }

    /// One key of a Secret as the read-only file `path` (a `secret` volume with one item,
    /// mounted with `subPath`, mode 0400).
    mutating func addSecretFile(named fileName: String, secretName: String, key: String, at path: String) {
        let source: YAMLValue = [
            "secretName": .string(secretName),
            "items": [["key": .string(key), "path": .string(fileName)]],
            "defaultMode": .int(PodVolumes.secretFileMode),
        ]
        add(
            name: "secret-\(fileName)", source: ("secret", source),
            mount: ["mountPath": .string(path), "subPath": .string(fileName), "readOnly": true])
    }

    /// One key of a ConfigMap as the read-only file `path` (a `configMap` volume with one item,
    /// mounted with `subPath`).
    mutating func addConfigFile(named fileName: String, configMap: String, key: String, at path: String) {
        let source: YAMLValue = [
            "name": .string(configMap),
            "items": [["key": .string(key), "path": .string(fileName)]],
        ]
        add(
            name: "config-\(fileName)", source: ("configMap", source),
            mount: ["mountPath": .string(path), "subPath": .string(fileName), "readOnly": true])
    }

    /// A volume that exists elsewhere (a StatefulSet's volume claim) mounted at `path`.
    mutating func addMount(ofClaim claim: String, at path: String) {
        names.insert(claim)
        mounts.append(["name": .string(claim), "mountPath": .string(path)])
    }

    /// Adds the volume `{name, <source kind>: <source>}` and its mount (name first).
    mutating func add(name base: String, source: (String, YAMLValue), mount: YAMLMapping) {
        let name = uniqueName(base)
        volumes.append(["name": .string(name), source.0: source.1])
        var mount = mount
        mount = YAMLMapping([(key: "name", value: .string(name))] + mount.entries)
        mounts.append(.mapping(mount))
    }

    /// `base` as a DNS-1123 label (lower case, `[a-z0-9-]`, at most 63 characters) not used yet
    /// in this pod; `-2`, `-3`, … are appended on a clash.
    private mutating func uniqueName(_ base: String) -> String {
        var label = ""
        for character in base.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                label.append(character)
            } else if !label.isEmpty && !label.hasSuffix("-") {
                label.append("-")
            }
        }
        while label.hasSuffix("-") { label.removeLast() }
        if label.isEmpty { label = "volume" }
        var candidate = String(label.prefix(63))
        while candidate.hasSuffix("-") { candidate.removeLast() }
        var counter = 2
        while names.contains(candidate) {
            let suffix = "-\(counter)"
            var stem = String(label.prefix(63 - suffix.count))
            while stem.hasSuffix("-") { stem.removeLast() }
            candidate = stem + suffix
            counter += 1
        }
        names.insert(candidate)
        return candidate
    }
}
