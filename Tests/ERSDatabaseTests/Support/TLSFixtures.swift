import Foundation

/// Certificates for the TLS tests, made with openssl in a temporary directory.
enum TLSFixtures {
    /// A CA certificate file (PEM); the parsing tests only need it to be readable.
    static func caFile() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ers-ca-\(UUID().uuidString).pem")
        try Data("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n".utf8).write(to: url)
        return url.path
    }
}
