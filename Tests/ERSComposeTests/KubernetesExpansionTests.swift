@testable import ERSCompose
import Testing

/// `$(VAR)` expansion as the kubelet does it.
@Suite struct KubernetesExpansionTests {
    @Test(arguments: [
        ("$(A)", "1"), ("x$(A)y$(B)z", "x1y2z"), ("$$(A)", "$(A)"), ("$$$(A)", "$1"), ("$(MISSING)", "$(MISSING)"),
        ("$A", "$A"), ("$", "$"), ("a$", "a$"), ("$(A", "$(A"), ("$()", "$()"), ("100%", "100%"), ("", ""),
    ])
    func expansion(input: String, output: String) {
        #expect(KubernetesExpansion.expand(input, with: ["A": "1", "B": "2"]) == output)
    }
}
