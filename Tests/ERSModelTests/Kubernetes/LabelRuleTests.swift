import ERSModel
import Testing

/// Cases after apimachinery's content/kube_test.go (IsLabelKey, IsLabelValue) and
/// objectmeta_test.go (ValidateAnnotations).
@Suite("Label and annotation rules")
struct LabelRuleTests {
    static let name63 = String(repeating: "n", count: 63)
    static let prefix254 = String(repeating: "p", count: 254)

    @Test(
        "valid label keys",
        arguments: [
            "app", "a", "my.name", "123-abc", "MyName", "app.kubernetes.io/name", "example.com/MyName",
            "k8s.io/x_y", name63, "example.com/" + name63,
        ])
    func validKey(key: String) {
        #expect(KubernetesNameRules.labelKeyProblems(key) == [])
        #expect(KubernetesNameRules.annotationKeyProblems(key) == [])
    }

    @Test(
        "invalid label keys",
        arguments: [
            "", "/app", "app/", "a/b/c", "Example.com/app", "-app", "app-", "app name", "_app", "example.com/",
            name63 + "n", prefix254 + "/app", "exa_mple.com/app",
        ])
    func invalidKey(key: String) {
        let problems = KubernetesNameRules.labelKeyProblems(key)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.hasPrefix("'\(key)' is not a valid label key: ") })
    }

    @Test(
        "label key messages",
        arguments: [
            ("Example.com/app", "'Example.com/app' is not a valid label key: its prefix 'Example.com' must consist of lower case alphanumeric characters, '-' or '.', and each dot-separated part must start and end with an alphanumeric character (e.g. 'example.com/app')"),
            ("app name", "'app name' is not a valid label key: it must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character (e.g. 'app-name')"),
            ("example.com/App_", "'example.com/App_' is not a valid label key: its name part 'App_' must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character (e.g. 'example.com/App')"),
            ("a/b/c", "'a/b/c' is not a valid label key: it contains 2 '/' characters; it must be a name with an optional DNS subdomain prefix and a single '/' (e.g. 'a/b-c')"),
            ("/app", "'/app' is not a valid label key: its prefix (before the '/') is empty; write a DNS subdomain there or drop the '/' (e.g. 'app')"),
        ])
    func keyMessage(key: String, message: String) {
        #expect(KubernetesNameRules.labelKeyProblems(key) == [message])
    }

    @Test("annotation keys may use upper case in the prefix")
    func annotationPrefixCase() {
        #expect(KubernetesNameRules.annotationKeyProblems("Example.COM/Note") == [])
        #expect(KubernetesNameRules.labelKeyProblems("Example.COM/Note").count == 1)
        let problems = KubernetesNameRules.annotationKeyProblems("Example.COM/my note")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("'Example.COM/my note' is not a valid annotation key: its name part 'my note'") == true)
    }

    @Test("annotations: every key, then the 256Ki total")
    func annotations() {
        #expect(KubernetesNameRules.annotationsProblems(["a": "x", "example.com/b": "y"]) == [])
        let big = String(repeating: "x", count: 256 * 1024)
        let problems = KubernetesNameRules.annotationsProblems(["bad key": "1", "note": big])
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("'bad key'") == true)
        #expect(problems.last?.hasPrefix("the annotations take 262156 bytes") == true)
    }

    @Test("valid label values", arguments: ["", "v1", "MyValue", "my_value", "12345", "a.b-c_d", name63])
    func validValue(value: String) {
        #expect(KubernetesNameRules.labelValueProblems(value) == [])
    }

    @Test("invalid label values", arguments: ["-v1", "v1-", "has space", "a/b", "ü", name63 + "n", "_v"])
    func invalidValue(value: String) {
        #expect(KubernetesNameRules.labelValueProblems(value).count == 1)
    }

    @Test("label value message")
    func valueMessage() {
        #expect(
            KubernetesNameRules.labelValueProblems("has space") == [
                "'has space' is not a valid label value: it must be empty or consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character (e.g. 'has-space')"
            ])
    }
}
