extension KubernetesNameRule {
    /// A valid value close to `value` for hints: `Auth_Service` → `auth-service`,
    /// `AuthService` → `auth-service`, `1st-api` → `st-api` for a DNS-1035 label; `my-name`
    /// when nothing usable is left.
    func suggestion(for value: String, maxLength: Int) -> String {
        let pieces =
            self == .dns1123Subdomain
            ? value.split(separator: ".").map(String.init)
            : [value]
        var suggestion = pieces.map { piece in
            NameSanitizer.sanitize(
                piece, lowercase: true, maxLength: maxLength,
                allowed: { $0.isLowercaseAlphanumeric || $0 == UInt8(ascii: "-") },
                edge: \.isLowercaseAlphanumeric)
        }
        .filter { !$0.isEmpty }
        .joined(separator: ".")
        if self == .dns1035Label {
            suggestion = String(suggestion.drop { !($0.isASCII && $0.isLetter) })
        }
        if suggestion.utf8.count > maxLength {
            suggestion = NameSanitizer.sanitize(
                String(decoding: suggestion.utf8.prefix(maxLength), as: UTF8.self),
                lowercase: false, maxLength: maxLength, allowed: { _ in true }, edge: \.isLowercaseAlphanumeric)
        }
        return suggestion.isEmpty ? "my-name" : suggestion
    }
}
