extension KubernetesNameRules {
    /// The longest label value, and the longest name part of a label or annotation key: 63.
    public static let labelValueMaxLength = 63

    /// The most bytes all annotations of one object may take, keys and values together:
    /// 262144 (256Ki). Source: `TotalAnnotationSizeLimitB` in
    /// k8s.io/apimachinery/pkg/api/validation/objectmeta.go.
    public static let annotationsMaxTotalSize = 256 * 1024

    /// Problems of `key` as a label key: an optional prefix, a DNS-1123 subdomain of at most
    /// 253 characters, and '/', then a name of 1 to 63 characters of `[A-Za-z0-9_.-]` starting
    /// and ending with an alphanumeric character (`app`, `app.kubernetes.io/name`).
    ///
    /// Source: `IsLabelKey` (formerly `IsQualifiedName`) in k8s.io/apimachinery/pkg/api/validate/content/kube.go.
    public static func labelKeyProblems(_ key: String) -> [String] {
        QualifiedName(key, checking: key).problems(subject: "label key")
    }

    /// Problems of `key` as an annotation key: the label key rules applied to the key
    /// lower-cased, so the prefix may use upper case (`Example.COM/Note` is valid).
    ///
    /// Source: `ValidateAnnotations` in k8s.io/apimachinery/pkg/api/validation/objectmeta.go.
    public static func annotationKeyProblems(_ key: String) -> [String] {
        let lowered = String(decoding: key.utf8.map(\.asciiLowercased), as: UTF8.self)
        return QualifiedName(key, checking: lowered).problems(subject: "annotation key")
    }

    /// Problems of a whole annotation map: each key (in sorted order), then the total size of
    /// keys and values, which must not exceed ``annotationsMaxTotalSize`` bytes.
    ///
    /// Source: `ValidateAnnotations` and `ValidateAnnotationsSize` in objectmeta.go.
    public static func annotationsProblems(_ annotations: [String: String]) -> [String] {
        var problems = annotations.keys.sorted().flatMap(annotationKeyProblems)
        let size = annotations.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if size > annotationsMaxTotalSize {
            problems.append(
                "the annotations take \(size) bytes; keys and values together must be at most "
                    + "\(annotationsMaxTotalSize) bytes (256Ki): move large content to a ConfigMap")
        }
        return problems
    }

    /// Problems of `value` as a label value: empty, or 1 to 63 characters of `[A-Za-z0-9_.-]`
    /// starting and ending with an alphanumeric character.
    ///
    /// Source: `IsLabelValue` (formerly `IsValidLabelValue`) in content/kube.go.
    public static func labelValueProblems(_ value: String) -> [String] {
        guard !value.isEmpty else { return [] }
        let example = QualifiedName.namePartSuggestion(for: value, fallback: "my-value")
        var problems: [String] = []
        if value.utf8.count > labelValueMaxLength {
            problems.append(
                problem(
                    value, subject: "label value",
                    "it is \(value.utf8.count) characters long; it must be at most 63 characters", example: example))
        }
        if !QualifiedName.isNamePart(Array(value.utf8)) {
            problems.append(
                problem(
                    value, subject: "label value",
                    "it must be empty or consist of alphanumeric characters, '-', '_' or '.', and start and end "
                        + "with an alphanumeric character", example: example))
        }
        return problems
    }
}
