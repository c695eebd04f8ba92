import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A throw-away PostgreSQL cluster that speaks TLS only, on `localhost` (TCP), with a server
/// certificate for `localhost` (DNS name only, no IP address) signed by a CA made here with
/// openssl. `pg_hba.conf` admits `hostssl` connections (trust) and rejects unencrypted ones.
/// Stopped and deleted by ``stop()``.
final class TLSPostgres: @unchecked Sendable {
    /// The cluster's directory (also holds the certificates and the socket).
    let directory: String
    /// The TCP port.
    let port: Int
    /// The CA that signed the server's certificate.
    let caFile: String
    /// A CA that signed nothing the server has.
    let otherCAFile: String
    /// The server process.
    private let server: Process
    /// `runuser -u postgres --` when running as root.
    private let runAs: [String]

    private init(directory: String, port: Int, caFile: String, otherCAFile: String, server: Process, runAs: [String]) {
        self.directory = directory
        self.port = port
        self.caFile = caFile
        self.otherCAFile = otherCAFile
        self.server = server
        self.runAs = runAs
    }

    /// Starts a cluster; nil after recording why when PostgreSQL or openssl is missing (an
    /// error under CI, a warning elsewhere).
    static func startOrReport(sourceLocation: SourceLocation = #_sourceLocation) -> TLSPostgres? {
        do {
            return try start()
        } catch {
            TestEnvironment.unavailable("TLS cluster: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Creates certificates, runs initdb, starts `postgres` with `ssl=on`.
    static func start() throws -> TLSPostgres {
        let bin = TestEnvironment.variables["ERS_TEST_PG_BIN"] ?? "/usr/lib/postgresql/15/bin"
        guard FileManager.default.isExecutableFile(atPath: "\(bin)/initdb") else { throw Failure("no initdb in \(bin)") }
        guard let openssl = ["/usr/bin/openssl", "/bin/openssl"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure("openssl not found")
        }
        var runAs: [String] = []
        var owner: (uid_t, gid_t)?
        if getuid() == 0 {
            guard let entry = getpwnam("postgres") else { throw Failure("running as root and there is no postgres user") }
            runAs = ["/usr/sbin/runuser", "-u", "postgres", "--"]
            owner = (entry.pointee.pw_uid, entry.pointee.pw_gid)
        }
        var template = Array("/tmp/ers-tls.XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw Failure("mkdtemp failed") }
        let directory = String(cString: created)
        _ = chmod(directory, 0o755)
        func ssl(_ arguments: [String]) throws { try run([openssl] + arguments) }
        let ca = "\(directory)/ca.pem"
        try ssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(directory)/ca.key", "-out", ca, "-days", "2", "-subj", "/CN=ERS test CA"])
        try ssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(directory)/other.key", "-out", "\(directory)/other.pem", "-days", "2", "-subj", "/CN=Other CA"])
        try ssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(directory)/server.key", "-out", "\(directory)/server.csr", "-subj", "/CN=localhost"])
        try Data("subjectAltName=DNS:localhost\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/san.ext"))
        try ssl([
            "x509", "-req", "-in", "\(directory)/server.csr", "-CA", ca, "-CAkey", "\(directory)/ca.key", "-CAcreateserial",
            "-out", "\(directory)/server.pem", "-days", "2", "-extfile", "\(directory)/san.ext",
        ])
        _ = chmod("\(directory)/server.key", 0o600)
        if let (uid, gid) = owner {
            for file in ["", "/server.key", "/server.pem"] { _ = chown(directory + file, uid, gid) }
        }
        try run(runAs + ["\(bin)/initdb", "-D", "\(directory)/data", "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--no-locale"])
        let hba = """
            local all all trust
            hostssl all all 127.0.0.1/32 trust
            hostssl all all ::1/128 trust
            hostnossl all all 127.0.0.1/32 reject
            hostnossl all all ::1/128 reject

            """
        try Data(hba.utf8).write(to: URL(fileURLWithPath: "\(directory)/data/pg_hba.conf"))
        if let (uid, gid) = owner { _ = chown("\(directory)/data/pg_hba.conf", uid, gid) }
        var lastError: any Error = Failure("no port tried")
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<30_000)
            let server = Process()
            let arguments = runAs + [
                "\(bin)/postgres", "-D", "\(directory)/data", "-k", directory, "-p", String(port),
                "-c", "listen_addresses=localhost", "-c", "ssl=on", "-c", "ssl_cert_file=\(directory)/server.pem",
                "-c", "ssl_key_file=\(directory)/server.key", "-c", "fsync=off",
            ]
            server.executableURL = URL(fileURLWithPath: arguments[0])
            server.arguments = Array(arguments.dropFirst())
            server.standardInput = FileHandle.nullDevice
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            let cluster = TLSPostgres(directory: directory, port: port, caFile: ca, otherCAFile: "\(directory)/other.pem", server: server, runAs: runAs)
            for _ in 0..<100 {
                if !server.isRunning { break }
                if (try? run(["\(bin)/pg_isready", "-q", "-h", directory, "-p", String(port)])) != nil { return cluster }
                usleep(100_000)
            }
            lastError = Failure("postgres did not start on port \(port)")
            if server.isRunning { server.terminate() }
        }
        try? FileManager.default.removeItem(atPath: directory)
        throw lastError
    }

    /// Stops the server and deletes everything.
    func stop() {
        if server.isRunning {
            kill(server.processIdentifier, SIGINT)
            for _ in 0..<100 where server.isRunning { usleep(50_000) }
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs a program to the end; throws with its output when it fails.
    @discardableResult
    private static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let log = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ers-tls-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? handle.close()
        guard process.terminationStatus == 0 else {
            throw Failure("\(arguments.joined(separator: " ")) exited \(process.terminationStatus): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        return 0
    }

    /// A setup failure.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
