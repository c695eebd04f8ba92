/// A label or annotation key split into its optional prefix and its name part, for checking.
///
/// Source: `IsLabelKey` in k8s.io/apimachinery/pkg/api/validate/content/kube.go.
struct QualifiedName {
    /// The key as written, quoted in messages.
    let key: String
    /// The '/'-separated parts of the key as written and as checked (lower-cased for annotations).
    private let writtenParts: [String]
    private let checkedParts: [String]

    init(_ key: String, checking checked: String) {
        self.key = key
        writtenParts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        checkedParts = checked.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    func problems(subject: String) -> [String] {
        details().map { KubernetesNameRules.problem(key, subject: subject, $0, example: example) }
    }

    private func details() -> [String] {
        guard checkedParts.count <= 2 else {
            return [
                "it contains \(checkedParts.count - 1) '/' characters; it must be a name with an optional "
                    + "DNS subdomain prefix and a single '/'"
            ]
        }
        var details: [String] = []
        let hasPrefix = checkedParts.count == 2
        if hasPrefix {
            let prefix = checkedParts[0]
            if prefix.isEmpty {
                details.append("its prefix (before the '/') is empty; write a DNS subdomain there or drop the '/'")
            } else {
                details += KubernetesNameRule.dns1123Subdomain.details(for: prefix, maxLength: 253)
                    .map { "its prefix '\(writtenParts[0])' \($0)" }
            }
        }
        let name = Array(checkedParts[checkedParts.count - 1].utf8)
        let nameSubject = hasPrefix ? "its name part '\(writtenParts[writtenParts.count - 1])'" : "it"
        if name.isEmpty {
            details.append(hasPrefix ? "its name part (after the '/') is empty" : "it is empty")
        } else {
            if name.count > KubernetesNameRules.labelValueMaxLength {
                details.append("\(nameSubject) is \(name.count) characters long; it must be at most 63 characters")
            }
            if !Self.isNamePart(name) {
                details.append(
                    "\(nameSubject) must consist of alphanumeric characters, '-', '_' or '.', and start and end "
                        + "with an alphanumeric character")
            }
        }
        return details
    }

    /// A valid key close to this one: `Example_Org/App Name` → `example-org/App-Name`.
    private var example: String {
        let prefix = checkedParts.count > 1 ? checkedParts[0] : ""
        let name = writtenParts.dropFirst(checkedParts.count > 1 ? 1 : 0).joined(separator: "-")
        let namePart = Self.namePartSuggestion(for: name, fallback: "name")
        guard !prefix.isEmpty else { return namePart }
        return KubernetesNameRule.dns1123Subdomain.suggestion(for: prefix, maxLength: 253) + "/" + namePart
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
    static func isNamePart(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        return first.isASCIIAlphanumeric && last.isASCIIAlphanumeric && bytes.allSatisfy(isNamePartCharacter)
    }

    /// A valid name part (or label value) close to `text`, or `fallback` when none is left.
    static func namePartSuggestion(for text: String, fallback: String) -> String {
        let suggestion = NameSanitizer.sanitize(
            text, lowercase: false, maxLength: KubernetesNameRules.labelValueMaxLength,
            allowed: isNamePartCharacter, edge: \.isASCIIAlphanumeric)
        return suggestion.isEmpty ? fallback : suggestion
    }

    private static func isNamePartCharacter(_ byte: UInt8) -> Bool {
        byte.isASCIIAlphanumeric || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
}
