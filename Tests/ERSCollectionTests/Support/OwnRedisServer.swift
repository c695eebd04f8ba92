import Foundation
import Testing

/// A `redis-server` of the test's own, on a free loopback port, with a password; it can be
/// stopped and started again on the same port (server restart), optionally with TLS.
final class OwnRedisServer: @unchecked Sendable {
    let directory: URL
    let port: Int
    let password: String
    let tlsDirectory: URL?
    private var process: Process?

    struct Unavailable: Error, CustomStringConvertible { var description: String }

    static var binary: String? {
        ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts a server, or reports (failure in CI) and returns nil when redis-server is missing.
    static func startOrReport(tls: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) -> OwnRedisServer? {
        do {
            return try OwnRedisServer(tls: tls)
        } catch {
            let inCI = ProcessInfo.processInfo.environment["CI"] != nil
            Issue.record("own redis-server not started: \(error). Install it: apt-get install -y redis-server",
                         severity: inCI ? .error : .warning, sourceLocation: sourceLocation)
            return nil
        }
    }

    init(tls: Bool) throws {
        guard OwnRedisServer.binary != nil else { throw Unavailable(description: "redis-server not found") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ers-redis-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = try FreePort.find()
        password = UUID().uuidString
        if tls {
            let certificates = directory.appendingPathComponent("tls")
            try FileManager.default.createDirectory(at: certificates, withIntermediateDirectories: true)
            try Shell.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                                               "-subj", "/CN=ERS test CA", "-keyout", "\(certificates.path)/ca.key", "-out", "\(certificates.path)/ca.pem"])
            try Shell.run("/usr/bin/openssl", ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=localhost",
                                               "-keyout", "\(certificates.path)/server.key", "-out", "\(certificates.path)/server.csr"])
            try "subjectAltName=DNS:localhost\n".write(toFile: "\(certificates.path)/ext.cnf", atomically: true, encoding: .utf8)
            try Shell.run("/usr/bin/openssl", ["x509", "-req", "-in", "\(certificates.path)/server.csr", "-CA", "\(certificates.path)/ca.pem",
                                               "-CAkey", "\(certificates.path)/ca.key", "-CAcreateserial", "-days", "2",
                                               "-extfile", "\(certificates.path)/ext.cnf", "-out", "\(certificates.path)/server.pem"])
            tlsDirectory = certificates
        } else {
            tlsDirectory = nil
        }
        try start()
    }

    /// Starts (again) on the same port and waits until it accepts connections.
    func start() throws {
        guard let binary = OwnRedisServer.binary else { throw Unavailable(description: "redis-server not found") }
        var arguments = ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.path, "--requirepass", password]
        if let tlsDirectory {
            arguments += ["--port", "0", "--tls-port", String(port), "--tls-cert-file", "\(tlsDirectory.path)/server.pem",
                          "--tls-key-file", "\(tlsDirectory.path)/server.key", "--tls-ca-cert-file", "\(tlsDirectory.path)/ca.pem",
                          "--tls-auth-clients", "no"]
        } else {
            arguments += ["--port", String(port)]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        self.process = process
        for _ in 0..<100 {
            if FreePort.isListening(port) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Unavailable(description: "redis-server did not listen on \(port)")
    }

    /// Stops the server (SIGKILL: an abrupt restart) and waits for it to exit.
    func stop() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
