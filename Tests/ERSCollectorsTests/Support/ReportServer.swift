import Foundation
import Hummingbird
import HummingbirdTLS
import NIOSSL
@testable import ERSCollectors

/// A throw-away HTTP(S) report agent on 127.0.0.1 (Hummingbird, random port) serving
/// `GET /report?type=system` (a fixture), `/big` (larger than any test limit) and `/busy` (503).
enum ReportServer {
    static func withServer(tls: TLSConfiguration?, body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let report = try String(contentsOf: ReportParserTests.fixtures.appendingPathComponent("debian-12.txt"), encoding: .utf8)
        let router = Router()
        router.get("/report") { request, _ -> Response in
            guard request.uri.queryParameters["type"] == "system" else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: report)))
        }
        router.get("/big") { _, _ -> Response in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 256 * 1024)))
        }
        router.get("/busy") { _, _ -> Response in Response(status: .serviceUnavailable) }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, server: try tls.map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            do { try await body(port) } catch { group.cancelAll(); throw error }
            group.cancelAll()
        }
    }

    /// A CA and a server certificate for IP 127.0.0.1 signed by it (openssl CLI), in `directory`.
    static func makeCertificates(in directory: String) async throws -> (ca: String, certificate: String, key: String) {
        let script = """
        set -e; cd '\(directory)'
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem -days 2 \
          -subj '/CN=ERS test CA' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign' 2>/dev/null
        openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr -subj '/CN=127.0.0.1' 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n' > ext.cnf
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext.cnf 2>/dev/null
        """
        guard await TestFleet.shell(script) == 0 else { throw CertificateError() }
        return ("\(directory)/ca.pem", "\(directory)/server.pem", "\(directory)/server.key")
    }

    struct CertificateError: Error {}

    static func serverTLS(certificate: String, key: String) throws -> TLSConfiguration {
        TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
    }
}
