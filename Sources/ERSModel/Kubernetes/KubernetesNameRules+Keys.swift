extension KubernetesNameRules {
    /// The longest ConfigMap or Secret data key: 253 characters.
    public static let configMapKeyMaxLength = 253

    /// Problems of `name` as a container environment variable name: `[-._a-zA-Z][-._a-zA-Z0-9]*`
    /// (letters, digits, '_', '-', '.', not starting with a digit), and not `.`, `..` or
    /// starting with `..`.
    ///
    /// Source: `IsEnvVarName` in k8s.io/apimachinery/pkg/util/validation/validation.go. Newer
    /// clusters accept any printable ASCII but '=' (`IsRelaxedEnvVarName`, feature
    /// `RelaxedEnvironmentVariableValidation`, KEP-4369: alpha 1.30, beta 1.32, GA 1.34); ERS
    /// keeps the strict rule, which every supported cluster and every shell accepts.
    public static func environmentVariableNameProblems(_ name: String) -> [String] {
        let subject = "environment variable name"
        let example = environmentVariableSuggestion(for: name)
        let bytes = Array(name.utf8)
        let requirement =
            "must consist of letters, digits, '_', '-' or '.', and must not start with a digit"
        guard !bytes.isEmpty else {
            return [problem(name, subject: subject, "it is empty; it \(requirement)", example: example)]
        }
        var details: [String] = []
        if !bytes.allSatisfy(isKeyCharacter) || bytes[0].isASCIIDigit {
            details.append("it \(requirement)")
        }
        details += currentDirectoryDetails(name)
        return details.map { problem(name, subject: subject, $0, example: example) }
    }

    /// Problems of `key` as a ConfigMap or Secret data key (also the file name it gets when
    /// mounted): 1 to 253 characters of `[-._a-zA-Z0-9]`, and not `.`, `..` or starting with `..`.
    ///
    /// Source: `IsConfigMapKey` in k8s.io/apimachinery/pkg/util/validation/validation.go.
    public static func configMapKeyProblems(_ key: String) -> [String] {
        let subject = "ConfigMap or Secret key"
        let example = configMapKeySuggestion(for: key)
        let bytes = Array(key.utf8)
        let requirement = "must consist of alphanumeric characters, '-', '_' or '.'"
        guard !bytes.isEmpty else {
            return [problem(key, subject: subject, "it is empty; it \(requirement)", example: example)]
        }
        var details: [String] = []
        if bytes.count > configMapKeyMaxLength {
            details.append("it is \(bytes.count) characters long; it must be at most 253 characters")
        }
        if !bytes.allSatisfy(isKeyCharacter) {
            details.append("it \(requirement)")
        }
        details += currentDirectoryDetails(key)
        return details.map { problem(key, subject: subject, $0, example: example) }
    }

    /// `hasChDirPrefix` in validation.go: the key would name the directory itself or its parent.
    private static func currentDirectoryDetails(_ value: String) -> [String] {
        if value == "." { return ["it must not be '.'"] }
        if value == ".." { return ["it must not be '..'"] }
        if value.hasPrefix("..") { return ["it must not start with '..'"] }
        return []
    }

    /// `[-._a-zA-Z0-9]`
    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        byte.isASCIIAlphanumeric || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// `1st value` → `_1st_value`, "" → `MY_VARIABLE`.
    private static func environmentVariableSuggestion(for name: String) -> String {
        let sanitized = NameSanitizer.sanitize(
            name, lowercase: false, maxLength: .max, replacement: UInt8(ascii: "_"),
            allowed: isKeyCharacter, edge: { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "_") })
        guard let first = sanitized.utf8.first else { return "MY_VARIABLE" }
        return first.isASCIIDigit ? "_" + sanitized : sanitized
    }

    /// `app config.yaml` → `app-config.yaml`, "" → `key.name`.
    private static func configMapKeySuggestion(for key: String) -> String {
        let sanitized = NameSanitizer.sanitize(
            key, lowercase: false, maxLength: configMapKeyMaxLength,
            allowed: isKeyCharacter, edge: { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "_") })
        return sanitized.isEmpty ? "key.name" : sanitized
    }
}
