import ERSDatabase
import Foundation
import Testing

/// `sslmode` against a real server that speaks TLS only (certificate for `localhost`, made by a
/// throw-away CA): what connects and what is refused, as libpq would decide.
@Suite("TLS connections", .serialized)
struct TLSConnectionTests {
    /// Connects with `query` appended to the URL for `host`; returns whether the session is
    /// encrypted, or throws the connection error.
    func connect(host: String, _ query: String, on server: TLSPostgres) async throws -> Bool {
        let url = try DatabaseURL(parsing: "postgres://postgres@\(host):\(server.port)/postgres?connect_timeout=5&\(query)")
        let session = try await DatabaseSession.connect(to: url, applicationName: "ers-tls-test", logger: TestDatabase.logger)
        let rows = try await session.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        let encrypted = try rows.first?.decode(Bool.self) ?? false
        await session.close()
        return encrypted
    }

    @Test(.timeLimit(.minutes(2))) func sslModesConnectOrRefuseAsLibpqDoes() async throws {
        guard let server = TLSPostgres.startOrReport() else { return }
        defer { server.stop() }
        let ca = server.caFile, other = server.otherCAFile
        // verify-full: the chain and the host name (the certificate names localhost only).
        #expect(try await connect(host: "localhost", "sslmode=verify-full&sslrootcert=\(ca)", on: server))
        await #expect(throws: DatabaseError.self) { try await connect(host: "127.0.0.1", "sslmode=verify-full&sslrootcert=\(ca)", on: server) }
        await #expect(throws: DatabaseError.self) { try await connect(host: "localhost", "sslmode=verify-full&sslrootcert=\(other)", on: server) }
        // Without sslrootcert the system's trust store is used, which does not hold this CA.
        await #expect(throws: DatabaseError.self) { try await connect(host: "localhost", "sslmode=verify-full", on: server) }
        // verify-ca: the chain only.
        #expect(try await connect(host: "127.0.0.1", "sslmode=verify-ca&sslrootcert=\(ca)", on: server))
        // require: encryption; the chain is checked only when sslrootcert is given (libpq).
        #expect(try await connect(host: "127.0.0.1", "sslmode=require", on: server))
        #expect(try await connect(host: "127.0.0.1", "sslmode=require&sslrootcert=\(ca)", on: server))
        await #expect(throws: DatabaseError.self) { try await connect(host: "127.0.0.1", "sslmode=require&sslrootcert=\(other)", on: server) }
        // prefer: TLS when offered.
        #expect(try await connect(host: "127.0.0.1", "sslmode=prefer", on: server))
        // disable: this server refuses unencrypted connections, and says so.
        await #expect {
            _ = try await connect(host: "127.0.0.1", "sslmode=disable", on: server)
        } throws: { error in
            "\(error)".contains("no encryption") && "\(error)".contains("pg_hba.conf")
        }
    }
}
