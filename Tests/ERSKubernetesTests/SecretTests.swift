import ERSKubernetes
import ERSModel
import Foundation
import Testing
import Yams

/// No secret value ever reaches the output: secrets are references (Secret volumes and
/// `*_FILE` paths) only.
@Suite struct SecretTests {
    /// `Fixtures/secret-values.yaml`: Secret name to key to fake value.
    private func fakeSecretValues() throws -> [String: [String: String]] {
        let url = TestSupport.testsDirectory.appendingPathComponent("Fixtures/secret-values.yaml")
        return try YAMLDecoder().decode([String: [String: String]].self, from: String(contentsOf: url, encoding: .utf8))
    }

    @Test func noDeclaredSecretValueAppearsInAnyRenderedByte() throws {
        let secrets = try fakeSecretValues()
        let values = secrets.values.flatMap(\.values)
        #expect(values.count == 5)
        let spec = try TestSupport.spec()
        for options in [KubernetesRenderOptions(), KubernetesRenderOptions(exposure: .ingress)] {
            for (path, text) in TestSupport.render(spec, options: options) {
                for value in values {
                    #expect(!text.contains(value), "\(path) contains a secret value")
                    #expect(!text.contains(Data(value.utf8).base64EncodedString()), "\(path) contains a secret value in base64")
                }
            }
        }
    }

    @Test func everySecretIsReferencedAsAMountedFile() throws {
        let secrets = try fakeSecretValues()
        let files = TestSupport.render(try TestSupport.spec())
        let all = files.values.joined()
        #expect(!all.contains("kind: Secret\n"), "the renderer must not create Secret objects")
        #expect(!all.contains("secretKeyRef"), "secrets are files, not env values")
        for (secretName, keys) in secrets {
            #expect(all.contains("secretName: \(secretName)\n"), "\(secretName) is never referenced")
            for key in keys.keys {
                #expect(all.contains("- key: \(key)\n"), "\(secretName)/\(key) is never mounted")
            }
        }
        let auth = files["kubernetes/auth.yaml"] ?? ""
        #expect(auth.contains("value: /run/secrets/jwt-secret\n"))
        #expect(auth.contains("value: postgres://ers@postgres.ers.svc.cluster.local:5432/ers?sslmode=disable\n"))
        #expect(auth.contains("value: redis://ers@redis.ers.svc.cluster.local:6379\n"))
    }
}
