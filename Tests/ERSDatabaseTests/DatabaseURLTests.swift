import ERSDatabase
import Foundation
import NIOSSL
import Testing

/// Connection URLs as libpq reads them, and the TLS each `sslmode` gets.
@Suite("Database URL")
struct DatabaseURLTests {
    @Test func parsesTheURLTheServicesAreGiven() throws {
        let url = try DatabaseURL(parsing: "postgres://ers@postgres.ers.svc.cluster.local:5432/ers?sslmode=disable")
        #expect(url.host == "postgres.ers.svc.cluster.local" && url.port == 5432 && url.username == "ers" && url.database == "ers")
        #expect(url.sslMode == .disable && url.password == nil && url.rootCertificatePath == nil)
        #expect(try url.tlsConfiguration() == nil)
        #expect(url.connectTimeoutSeconds == 10)
    }

    @Test func defaultsFollowLibpq() throws {
        let url = try DatabaseURL(parsing: "postgresql://app@db.example.com")
        #expect(url.port == 5432 && url.database == "app" && url.sslMode == .prefer)
    }

    @Test func readsThePasswordFromAFileAndNeverPrintsIt() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(UUID().uuidString)")
        try Data("s3cret;:@/\n".utf8).write(to: file)
        let url = try DatabaseURL(parsing: "postgres://ers@db:6543/reports?sslmode=require", passwordFile: file.path)
        #expect(url.password == "s3cret;:@/")
        #expect(url.description == "postgres://ers:***@db:6543/reports?sslmode=require")
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: "postgres://ers:inline@db/x", passwordFile: file.path) }
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: "postgres://ers@db/x", passwordFile: "/nonexistent/pw") }
    }

    @Test func rejectsWhatLibpqWouldRejectAndSaysHowToWriteIt() {
        for (text, fragment) in [
            ("mysql://ers@db/x", "is not a PostgreSQL URL"), ("postgres://db/x", "names no user"),
            ("postgres://ers@db/x?sslmode=verify", "sslmode 'verify' is unknown"),
            ("postgres://ers@db/x?connect_timeout=soon", "connect_timeout 'soon'"),
            ("postgres://ers@db/x?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", "sslrootcert /nonexistent/ca.pem cannot be read"),
        ] {
            #expect {
                try DatabaseURL(parsing: text)
            } throws: { error in
                "\(error)".contains(fragment)
            }
        }
        #expect {
            try DatabaseURL(parsing: "postgres://ers:hunter2@db/x?sslmode=nope")
        } throws: { error in
            !"\(error)".contains("hunter2")
        }
    }

    @Test func sslModesMapToTheCertificateChecksLibpqMakes() throws {
        let ca = try TLSFixtures.caFile()
        func verification(_ query: String) throws -> CertificateVerification? {
            try DatabaseURL(parsing: "postgres://ers@db.example.com/ers?\(query)").tlsConfiguration()?.certificateVerification
        }
        #expect(try verification("sslmode=disable") == nil)
        #expect(try verification("sslmode=allow") == CertificateVerification.none)
        #expect(try verification("sslmode=prefer") == CertificateVerification.none)
        #expect(try verification("sslmode=require") == CertificateVerification.none)
        // libpq: with a root certificate, require checks the chain as verify-ca does.
        #expect(try verification("sslmode=require&sslrootcert=\(ca)") == .noHostnameVerification)
        #expect(try verification("sslmode=verify-ca&sslrootcert=\(ca)") == .noHostnameVerification)
        #expect(try verification("sslmode=verify-full&sslrootcert=\(ca)") == .fullVerification)
        // verify-full without sslrootcert (or with libpq 16's sslrootcert=system): the system trust store.
        let system = try DatabaseURL(parsing: "postgres://ers@db.example.com/ers?sslmode=verify-full&sslrootcert=system")
        #expect(system.rootCertificatePath == nil)
        #expect(try system.tlsConfiguration()?.certificateVerification == .fullVerification)
        #expect(try system.tlsConfiguration()?.trustRoots == .default)
        let withCA = try DatabaseURL(parsing: "postgres://ers@db.example.com/ers?sslmode=verify-full&sslrootcert=\(ca)")
        #expect(try withCA.tlsConfiguration()?.trustRoots == .file(ca))
    }

    @Test func unixSocketsAndOptions() throws {
        let url = try DatabaseURL(parsing: "postgres://ers@/ers?host=/var/run/postgresql&port=5433&connect_timeout=0&application_name=job")
        #expect(url.socketDirectory == "/var/run/postgresql" && url.host == nil && url.port == 5433)
        #expect(url.connectTimeoutSeconds == 86_400 && url.applicationName == "job")
        let configuration = try url.connectionConfiguration(defaultApplicationName: "other")
        #expect(configuration.unixSocketPath == "/var/run/postgresql/.s.PGSQL.5433")
        #expect(configuration.options.additionalStartupParameters.map { "\($0.0)=\($0.1)" } == ["application_name=job"])
    }
}
