import ArgumentParser
import Foundation
import Testing

@testable import ERSCtlCommands

/// No secret value ever reaches a rendered byte or ersctl's output: the Secrets an operator
/// would create (fake values in Fixtures/secret-values.txt) sit in the environment ersctl runs
/// in and as compose secret files in the output directory, and none of them — nor its base64
/// form — appears in any rendered file.
@Suite(.serialized) struct SecretLeakTests {
    static let values: [String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/secret-values.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }()

    @Test func theFixtureHoldsSecrets() { #expect(Self.values.count >= 4) }

    @Test(arguments: RenderedEnvironment.names)
    func noSecretValueIsRendered(_ environment: String) throws {
        for (name, value) in zip(["JWT_SECRET", "DATABASE_PASSWORD", "REDIS_PASSWORD", "SSH_PRIVATE_KEY"], Self.values) {
            setenv(name, value, 1)
        }
        defer { for name in ["JWT_SECRET", "DATABASE_PASSWORD", "REDIS_PASSWORD", "SSH_PRIVATE_KEY"] { unsetenv(name) } }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ers-secret-leak-\(environment)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let secrets = output.appendingPathComponent("compose/secrets")
        try FileManager.default.createDirectory(at: secrets, withIntermediateDirectories: true)
        for (index, value) in Self.values.enumerated() {
            try Data(value.utf8).write(to: secrets.appendingPathComponent("secret-\(index)"))
        }
        let spec = RenderedEnvironment.root.appendingPathComponent("environments/\(environment).yaml").path
        var command = try ERSCtl.parseAsRoot(["render", spec, "--output", output.path, "--as-of", "2026-01"])
        try command.run()
        let rendered = OutputDirectory(url: output).readPrevious()
        #expect(!rendered.isEmpty)
        for (path, text) in rendered {
            for value in Self.values {
                #expect(!text.contains(value), "\(path) holds a secret value")
                #expect(!text.contains(Data(value.utf8).base64EncodedString()), "\(path) holds a secret value in base64")
            }
        }
    }
}
