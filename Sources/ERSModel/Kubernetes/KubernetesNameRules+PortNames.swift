extension KubernetesNameRules {
    /// The longest container port name: 15 characters (RFC 6335 service names).
    public static let portNameMaxLength = 15

    /// Problems of `name` as a container port name (`ports[].name` of a container), an
    /// IANA_SVC_NAME: 1 to 15 characters of `[a-z0-9-]`, at least one letter, no leading or
    /// trailing '-', no '--'. Only lower case, although RFC 6335 is case-insensitive.
    ///
    /// Source: `IsValidPortName` in k8s.io/apimachinery/pkg/util/validation/validation.go.
    /// (A Service's `ports[].name` is a DNS-1123 label instead: use ``dns1123LabelProblems(_:)``.)
    public static func containerPortNameProblems(_ name: String) -> [String] {
        let subject = "container port name (IANA_SVC_NAME)"
        let example = portNameSuggestion(for: name)
        let bytes = Array(name.utf8)
        func problem(_ detail: String) -> String {
            Self.problem(name, subject: subject, "it \(detail)", example: example)
        }
        guard !bytes.isEmpty else {
            return [problem("is empty; it must be 1 to 15 lower case alphanumeric characters or '-', with a letter")]
        }
        var problems: [String] = []
        if bytes.count > portNameMaxLength {
            problems.append(problem("is \(bytes.count) characters long; it must be at most 15 characters"))
        }
        if !bytes.allSatisfy({ $0.isLowercaseAlphanumeric || $0 == UInt8(ascii: "-") }) {
            problems.append(problem("must consist of lower case alphanumeric characters or '-' only"))
        }
        if !bytes.contains(where: \.isASCIILowercaseLetter) {
            problems.append(problem("must contain at least one letter (a-z)"))
        }
        if name.contains("--") {
            problems.append(problem("must not contain consecutive hyphens ('--')"))
        }
        if bytes.first == UInt8(ascii: "-") || bytes.last == UInt8(ascii: "-") {
            problems.append(problem("must not start or end with '-'"))
        }
        return problems
    }

    /// `http-Metrics_Port` → `http-metrics-po`, `8080` → `port-8080`, "" → `http`.
    private static func portNameSuggestion(for name: String) -> String {
        func sanitize(_ text: String) -> String {
            NameSanitizer.sanitize(
                text, lowercase: true, maxLength: portNameMaxLength,
                allowed: { $0.isLowercaseAlphanumeric || $0 == UInt8(ascii: "-") },
                edge: \.isLowercaseAlphanumeric)
        }
        let suggestion = sanitize(name)
        if suggestion.isEmpty { return "http" }
        if !suggestion.utf8.contains(where: \.isASCIILowercaseLetter) { return sanitize("port-" + suggestion) }
        return suggestion
    }
}
