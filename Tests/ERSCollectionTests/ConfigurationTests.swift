import ERSCollection
import ERSServerCore
import Foundation
import Testing

/// `ers-server collection`'s settings. Regression: JOB_MAX_ATTEMPTS was read by the scheduler
/// only, so every collection started through the API got 5 attempts whatever was configured.
@Suite("collection configuration")
struct ConfigurationTests {
    static let secret = Data((0..<48).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()

    @Test func jobMaxAttemptsIsRead() throws {
        #expect(try CollectionConfiguration(environment: ServerEnvironment(["JWT_SECRET": Self.secret])).maxAttempts == 5)
        #expect(try CollectionConfiguration(environment: ServerEnvironment(["JWT_SECRET": Self.secret, "JOB_MAX_ATTEMPTS": "2"])).maxAttempts == 2)
        #expect(throws: ConfigurationError.self) {
            try CollectionConfiguration(environment: ServerEnvironment(["JWT_SECRET": Self.secret, "JOB_MAX_ATTEMPTS": "0"]))
        }
    }
}
