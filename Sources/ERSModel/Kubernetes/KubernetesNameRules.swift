/// The API server's validation of names and keys, checked offline.
///
/// Every function is pure and returns the problems it finds, each one sentence saying what is
/// wrong and what would be right, e.g. `'Auth_Service' is not a valid DNS-1123 label: it must
/// consist of lower case alphanumeric characters or '-', start and end with an alphanumeric
/// character (e.g. 'auth-service')`; the result is empty when the value is valid. Lengths are
/// counted in bytes of UTF-8, as Go's `len` does (for valid names bytes and characters agree).
///
/// Source: k8s.io/apimachinery/pkg/util/validation/validation.go and
/// k8s.io/apimachinery/pkg/api/validate/content (kube.go) unless a function says otherwise.
public enum KubernetesNameRules {
    /// Problems of `value` as a DNS-1123 label: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, 1 to 63
    /// characters. Source: `IsDNS1123Label`.
    public static func dns1123LabelProblems(_ value: String) -> [String] {
        KubernetesNameRule.dns1123Label.problems(for: value)
    }

    /// Problems of `value` as a DNS-1123 subdomain: DNS-1123 labels joined by `.`, 1 to 253
    /// characters. Source: `IsDNS1123Subdomain`.
    public static func dns1123SubdomainProblems(_ value: String) -> [String] {
        KubernetesNameRule.dns1123Subdomain.problems(for: value)
    }

    /// Problems of `value` as a DNS-1035 label: `[a-z]([-a-z0-9]*[a-z0-9])?`, 1 to 63
    /// characters (starts with a letter). Source: `IsDNS1035Label`.
    public static func dns1035LabelProblems(_ value: String) -> [String] {
        KubernetesNameRule.dns1035Label.problems(for: value)
    }

    /// Problems of `name` as the `metadata.name` of an object of `kind`, including the kind's
    /// length limit (see ``KubernetesKind/maxNameLength``).
    public static func nameProblems(_ name: String, kind: KubernetesKind) -> [String] {
        kind.nameProblems(name)
    }

    /// "'value' is not a valid subject: detail (e.g. 'example')".
    static func problem(_ value: String, subject: String, _ detail: String, example: String) -> String {
        "'\(value)' is not a valid \(subject): \(detail) (e.g. '\(example)')"
    }
}
