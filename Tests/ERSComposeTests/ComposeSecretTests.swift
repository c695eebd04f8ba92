import ERSCompose
import ERSModel
import Foundation
import Testing

/// Secrets are file references only: no value, no password in a URL.
@Suite struct ComposeSecretTests {
    /// The values a developer would put into `./secrets/<name>` (the README's instructions).
    static let fakeValues = [
        "jwt-secret": "fake-jwt-0123456789abcdef0123456789abcdef",
        "ssh-private-key": "-----BEGIN OPENSSH PRIVATE KEY-----fake",
        "ssh-known-hosts": "fake-host ssh-ed25519 AAAAfake",
        "postgres-password": "fake-pg-password-Zq9",
        "redis-password": "fake-redis-password-Xw3",
    ]

    @Test func declaredSecretValuesAppearNowhere() throws {
        let spec = try Fixtures.baseSpec()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ers-compose-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("secrets"), withIntermediateDirectories: true)
        for (name, value) in Self.fakeValues {
            try value.write(to: directory.appendingPathComponent("secrets/\(name)"), atomically: true, encoding: .utf8)
        }
        let compose = try Fixtures.compose(spec)
        #expect(Set(compose.mapping("secrets").keys) == Set(Self.fakeValues.keys), "every declared secret has a file")
        let outputs = [try Fixtures.composeText(spec), try Fixtures.gatewayConfig(spec).text]
        for output in outputs {
            for (name, value) in Self.fakeValues {
                #expect(!output.contains(value), "value of \(name) leaked")
            }
        }
    }

    @Test func noPasswordInAnyURLOrVariable() throws {
        let services = try Fixtures.compose(Fixtures.baseSpec()).mapping("services")
        for (name, value) in services {
            let environment = (value as? [String: Any])?.strings("environment") ?? [:]
            for (key, text) in environment {
                if key.contains("PASSWORD") || key.contains("SECRET") {
                    #expect(key.hasSuffix("_FILE"), "\(name).\(key) must be a file reference")
                    #expect(text.hasPrefix("/run/secrets/"), "\(name).\(key)")
                }
                if text.contains("://") {
                    let authority = text.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first ?? ""
                    let userInfo = authority.split(separator: "@").dropLast().joined()
                    #expect(!userInfo.contains(":"), "\(name).\(key) carries a password")
                }
            }
        }
    }

    @Test func conflictingSecretSourcesAreReported() throws {
        var spec = try Fixtures.baseSpec()
        let index = try #require(spec.services.firstIndex { $0.name == "collection" })
        spec.services[index].secrets = [SecretReference(name: "jwt-secret", env: "JWT_SECRET", secretName: "other", key: "jwt")]
        let error = try #require(throws: ComposeRenderError.self) { try ComposeRenderer().render(spec) }
        #expect(error.diagnostics.map(\.path.description) == ["services[collection].secrets[0].name"])
    }
}
