import ERSModel
import Testing

/// Cases after apimachinery's validation_test.go (TestIsValidPortName, TestIsEnvVarName,
/// TestIsConfigMapKey).
@Suite("Port name, environment variable and ConfigMap key rules")
struct KeyAndPortRuleTests {
    @Test("valid container port names", arguments: ["http", "grpc-web", "h2c", "a", "p8080", "1-a", "abcdefghijklmno"])
    func validPortName(name: String) {
        #expect(KubernetesNameRules.containerPortNameProblems(name) == [])
    }

    @Test(
        "invalid container port names",
        arguments: [
            ("", 1), ("8080", 1), ("-http", 1), ("http-", 1), ("http--web", 1), ("HTTP", 2), ("http_web", 1),
            ("abcdefghijklmnop", 1), ("-", 2), ("web-metrics-port", 1),
        ])
    func invalidPortName(name: String, problemCount: Int) {
        let problems = KubernetesNameRules.containerPortNameProblems(name)
        #expect(problems.count == problemCount)
        #expect(problems.allSatisfy { $0.hasPrefix("'\(name)' is not a valid container port name (IANA_SVC_NAME): it ") })
    }

    @Test(
        "port name messages",
        arguments: [
            ("8080", "'8080' is not a valid container port name (IANA_SVC_NAME): it must contain at least one letter (a-z) (e.g. 'port-8080')"),
            ("http--web", "'http--web' is not a valid container port name (IANA_SVC_NAME): it must not contain consecutive hyphens ('--') (e.g. 'http-web')"),
            ("web-metrics-port", "'web-metrics-port' is not a valid container port name (IANA_SVC_NAME): it is 16 characters long; it must be at most 15 characters (e.g. 'web-metrics-por')"),
        ])
    func portNameMessage(name: String, message: String) {
        #expect(KubernetesNameRules.containerPortNameProblems(name) == [message])
    }

    @Test(
        "valid environment variable names",
        arguments: ["PATH", "MY_VAR", "my.env-name", "MY_ENV.NAME", "MyEnvName1", "_x", "-x", ".x", "a..b"])
    func validEnvVar(name: String) {
        #expect(KubernetesNameRules.environmentVariableNameProblems(name) == [])
    }

    @Test(
        "invalid environment variable names",
        arguments: ["", "1VAR", "MY VAR", "MY=VAR", ".", "..", "..x", "ÄPFEL", "A$B"])
    func invalidEnvVar(name: String) {
        #expect(KubernetesNameRules.environmentVariableNameProblems(name).count == 1)
    }

    @Test(
        "environment variable messages",
        arguments: [
            ("1VAR", "'1VAR' is not a valid environment variable name: it must consist of letters, digits, '_', '-' or '.', and must not start with a digit (e.g. '_1VAR')"),
            ("MY VAR", "'MY VAR' is not a valid environment variable name: it must consist of letters, digits, '_', '-' or '.', and must not start with a digit (e.g. 'MY_VAR')"),
            ("..x", "'..x' is not a valid environment variable name: it must not start with '..' (e.g. 'x')"),
        ])
    func envVarMessage(name: String, message: String) {
        #expect(KubernetesNameRules.environmentVariableNameProblems(name) == [message])
    }

    @Test("valid ConfigMap keys", arguments: ["config.yaml", "KEY_NAME", "key-name", ".env", "a", String(repeating: "k", count: 253)])
    func validConfigMapKey(key: String) {
        #expect(KubernetesNameRules.configMapKeyProblems(key) == [])
    }

    @Test(
        "invalid ConfigMap keys",
        arguments: ["", "app config.yaml", "a/b", ".", "..", "..data", "ключ", String(repeating: "k", count: 254)])
    func invalidConfigMapKey(key: String) {
        #expect(KubernetesNameRules.configMapKeyProblems(key).count == 1)
    }

    @Test("ConfigMap key message")
    func configMapKeyMessage() {
        #expect(
            KubernetesNameRules.configMapKeyProblems("app config.yaml") == [
                "'app config.yaml' is not a valid ConfigMap or Secret key: it must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'app-config.yaml')"
            ])
    }
}
