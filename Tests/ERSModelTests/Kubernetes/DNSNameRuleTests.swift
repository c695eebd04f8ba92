import ERSModel
import Testing

/// Cases after apimachinery's validation_test.go (TestIsDNS1123Label, TestIsDNS1123Subdomain,
/// TestIsDNS1035Label).
@Suite("DNS name rules")
struct DNSNameRuleTests {
    static let a63 = String(repeating: "a", count: 63)
    static let subdomain253 = [a63, a63, a63, String(repeating: "b", count: 61)].joined(separator: ".")

    @Test("valid DNS-1123 labels", arguments: ["a", "0", "auth-service", "123-abc", "a--b", "1-2", a63])
    func validLabel(value: String) {
        #expect(KubernetesNameRules.dns1123LabelProblems(value) == [])
    }

    @Test(
        "invalid DNS-1123 labels",
        arguments: ["", "-a", "a-", "A", "a_b", "a.b", "ü", "a b", a63 + "a"])
    func invalidLabel(value: String) {
        let problems = KubernetesNameRules.dns1123LabelProblems(value)
        #expect(problems.count == 1)
        #expect(problems.allSatisfy { $0.hasPrefix("'\(value)' is not a valid DNS-1123 label: it ") })
    }

    @Test(
        "DNS-1123 label messages say what is wrong and what would be right",
        arguments: [
            ("Auth_Service", "'Auth_Service' is not a valid DNS-1123 label: it must consist of lower case alphanumeric characters or '-', start and end with an alphanumeric character (e.g. 'auth-service')"),
            ("AuthService", "'AuthService' is not a valid DNS-1123 label: it must consist of lower case alphanumeric characters or '-', start and end with an alphanumeric character (e.g. 'auth-service')"),
            ("a.b", "'a.b' is not a valid DNS-1123 label: it must not contain dots (e.g. 'a-b')"),
            ("", "'' is not a valid DNS-1123 label: it is empty; it must consist of lower case alphanumeric characters or '-', start and end with an alphanumeric character (e.g. 'my-name')"),
            (a63 + "a", "'\(a63)a' is not a valid DNS-1123 label: it is 64 characters long; it must be at most 63 characters (e.g. '\(a63)')"),
        ])
    func labelMessage(value: String, message: String) {
        #expect(KubernetesNameRules.dns1123LabelProblems(value) == [message])
    }

    @Test("a value both too long and malformed gets both problems")
    func twoProblems() {
        let problems = KubernetesNameRules.dns1123LabelProblems(String(repeating: "A", count: 70))
        #expect(problems.count == 2)
        #expect(problems[0].contains("is 70 characters long"))
        #expect(problems[1].contains("must consist of lower case"))
    }

    @Test(
        "valid DNS-1123 subdomains",
        arguments: ["a", "example.com", "a.b.c", "my-app.v1", "1.2.3.4", subdomain253])
    func validSubdomain(value: String) {
        #expect(KubernetesNameRules.dns1123SubdomainProblems(value) == [])
    }

    @Test(
        "invalid DNS-1123 subdomains",
        arguments: ["", "Example.com", ".a", "a.", "a..b", "-a.b", "a-.b", "a_b.com", subdomain253 + "b"])
    func invalidSubdomain(value: String) {
        #expect(KubernetesNameRules.dns1123SubdomainProblems(value).count == 1)
    }

    @Test("subdomain message")
    func subdomainMessage() {
        #expect(
            KubernetesNameRules.dns1123SubdomainProblems("a..b") == [
                "'a..b' is not a valid DNS-1123 subdomain: it must consist of lower case alphanumeric characters, '-' or '.', and each dot-separated part must start and end with an alphanumeric character (e.g. 'a.b')"
            ])
    }

    @Test("valid DNS-1035 labels", arguments: ["a", "auth-service", "a1", "abc-123", a63])
    func validDNS1035(value: String) {
        #expect(KubernetesNameRules.dns1035LabelProblems(value) == [])
    }

    @Test("invalid DNS-1035 labels", arguments: ["", "1abc", "123", "-a", "a-", "a.b", "Auth", a63 + "a"])
    func invalidDNS1035(value: String) {
        #expect(KubernetesNameRules.dns1035LabelProblems(value).count == 1)
    }

    @Test("a DNS-1035 label must start with a letter")
    func dns1035Message() {
        #expect(
            KubernetesNameRules.dns1035LabelProblems("1password") == [
                "'1password' is not a valid DNS-1035 label: it must consist of lower case alphanumeric characters or '-', start with a letter and end with an alphanumeric character (e.g. 'password')"
            ])
    }

    @Test("every suggestion satisfies its rule", arguments: KubernetesNameRule.allCases)
    func suggestionsAreValid(rule: KubernetesNameRule) {
        for value in ["Auth_Service", "__", "-x-", "Ümlaut Straße", "a..b", "9lives", "x.Y.z", String(repeating: "Ab", count: 200)] {
            for problem in rule.problems(for: value) {
                guard let start = problem.firstRange(of: "(e.g. '"), problem.hasSuffix("')") else {
                    Issue.record("no example in \(problem)")
                    continue
                }
                let example = String(problem[start.upperBound..<problem.index(problem.endIndex, offsetBy: -2)])
                #expect(rule.problems(for: example) == [], "\(value) → \(example)")
            }
        }
    }
}
