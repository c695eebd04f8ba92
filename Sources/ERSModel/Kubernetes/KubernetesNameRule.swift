/// The three DNS-derived shapes Kubernetes requires of object names.
///
/// Source: `IsDNS1123Label`, `IsDNS1123Subdomain` and `IsDNS1035Label` in
/// k8s.io/apimachinery/pkg/util/validation/validation.go, and "Object Names and IDs" in the
/// Kubernetes documentation (concepts/overview/working-with-objects/names).
public enum KubernetesNameRule: String, Sendable, Hashable, CaseIterable {
    /// RFC 1123 label: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters
    /// (Namespace names, for example).
    case dns1123Label
    /// RFC 1123 subdomain: DNS-1123 labels joined by `.`, at most 253 characters (the rule
    /// for most object names: ConfigMap, Secret, Deployment …).
    case dns1123Subdomain
    /// RFC 1035 label: `[a-z]([-a-z0-9]*[a-z0-9])?`, at most 63 characters (Service names).
    case dns1035Label

    /// The name used in messages: "DNS-1123 label", "DNS-1123 subdomain", "DNS-1035 label".
    public var displayName: String {
        switch self {
        case .dns1123Label: "DNS-1123 label"
        case .dns1123Subdomain: "DNS-1123 subdomain"
        case .dns1035Label: "DNS-1035 label"
        }
    }

    /// The longest value the rule allows, in characters: 63, 253 and 63.
    public var maxLength: Int {
        self == .dns1123Subdomain ? 253 : 63
    }

    /// The shape the rule requires, as the end of a sentence starting "it …".
    var requirement: String {
        switch self {
        case .dns1123Label:
            "must consist of lower case alphanumeric characters or '-', start and end with an alphanumeric character"
        case .dns1123Subdomain:
            "must consist of lower case alphanumeric characters, '-' or '.', and each dot-separated part must "
                + "start and end with an alphanumeric character"
        case .dns1035Label:
            "must consist of lower case alphanumeric characters or '-', start with a letter and end with an "
                + "alphanumeric character"
        }
    }

    /// The problems of `value` under this rule, each a sentence saying what is wrong and what
    /// would be right (e.g. `'Auth_Service' is not a valid DNS-1123 label: it must consist of
    /// lower case alphanumeric characters or '-', start and end with an alphanumeric character
    /// (e.g. 'auth-service')`); empty when `value` is valid.
    public func problems(for value: String) -> [String] {
        problems(for: value, subject: displayName, maxLength: maxLength, lengthReason: nil)
    }

    /// The problems of `value` as `subject` ("Service name (a DNS-1035 label)"), allowing at
    /// most `maxLength` characters for the reason given (appended to the length message).
    func problems(for value: String, subject: String, maxLength: Int, lengthReason: String?) -> [String] {
        details(for: value, maxLength: maxLength, lengthReason: lengthReason).map {
            "'\(value)' is not a valid \(subject): it \($0) (e.g. '\(suggestion(for: value, maxLength: maxLength))')"
        }
    }

    /// What is wrong with `value`, each phrased to follow "it " or "its prefix 'x' ".
    func details(for value: String, maxLength: Int, lengthReason: String? = nil) -> [String] {
        let bytes = Array(value.utf8)
        guard !bytes.isEmpty else { return ["is empty; it \(requirement)"] }
        var details: [String] = []
        if bytes.count > maxLength {
            let reason = lengthReason.map { " (\($0))" } ?? ""
            details.append("is \(bytes.count) characters long; it must be at most \(maxLength) characters\(reason)")
        }
        if !matches(bytes) {
            let onlyDots = self != .dns1123Subdomain && KubernetesNameRule.dns1123Subdomain.matches(bytes)
                && (self == .dns1123Label || bytes[0].isASCIILowercaseLetter)
            details.append(onlyDots ? "must not contain dots" : requirement)
        }
        return details
    }

    /// Whether `bytes` has the rule's shape (length aside).
    func matches(_ bytes: [UInt8]) -> Bool {
        switch self {
        case .dns1123Label:
            Self.isLabel(bytes[...])
        case .dns1123Subdomain:
            bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy(Self.isLabel)
        case .dns1035Label:
            Self.isLabel(bytes[...]) && bytes[0].isASCIILowercaseLetter
        }
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
    private static func isLabel(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        return first.isLowercaseAlphanumeric && last.isLowercaseAlphanumeric
            && bytes.allSatisfy { $0.isLowercaseAlphanumeric || $0 == UInt8(ascii: "-") }
    }
}
