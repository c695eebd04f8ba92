import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A throw-away PostgreSQL cluster for tests: `initdb` into a fresh directory under `/tmp`,
/// run `postgres` on a Unix socket in that directory (no TCP: `listen_addresses=''`, so the port only
/// names the socket and is free by construction), run `psql`, then stop it and delete
/// everything. About 2.5 s per cluster. Self-contained (Foundation only): copy this file into
/// another test target to use the pattern there.
///
/// Finds the server in `$ERS_PG_BIN` (only there when set) or the newest `/usr/lib/postgresql/*/bin` (Debian:
/// `apt-get install -y postgresql-15`). As root it runs every server and client program as
/// the `postgres` user through `runuser` (PostgreSQL refuses to run as root).
///
/// ```swift
/// guard let postgres = ThrowawayPostgres.startOrReport() else { return }
/// defer { postgres.stop() }
/// let rows = try postgres.psql("SELECT 1", database: "postgres")
/// ```
final class ThrowawayPostgres {
    /// Why no cluster could be started.
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// A program that exited non-zero: its command line, status and output.
    struct CommandFailed: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let output: String
        var description: String { "`\(command)` exited \(status):\n\(output)" }
    }

    /// The directory holding `initdb`, `postgres`, `pg_isready`, `pg_ctl` and `psql`.
    let binDirectory: String
    /// The cluster's directory (data, socket, log); short because socket paths are limited to 107 bytes.
    let baseDirectory: String
    /// The port naming the socket `.s.PGSQL.<port>`.
    let port: Int
    /// `runuser -u postgres --` when running as root, else nothing.
    private let runAs: [String]
    /// Whether the server still runs.
    private var running = false
    /// The `postgres` server process, once started.
    private var server: Process?
    /// Counter for psql input files.
    private var inputCount = 0

    private init(binDirectory: String, baseDirectory: String, port: Int, runAs: [String]) {
        self.binDirectory = binDirectory
        self.baseDirectory = baseDirectory
        self.port = port
        self.runAs = runAs
    }

    deinit { stop() }

    /// Starts a cluster; when that is impossible, records an issue saying why — an error (the
    /// test fails) when the environment variable `CI` is set, a warning otherwise — and returns nil.
    static func startOrReport(sourceLocation: SourceLocation = #_sourceLocation) -> ThrowawayPostgres? {
        do {
            return try start()
        } catch {
            let inCI = ProcessInfo.processInfo.environment["CI"] != nil
            Issue.record(
                "PostgreSQL test not run: \(error). Install it with `apt-get install -y postgresql-15`.",
                severity: inCI ? .error : .warning, sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Creates and starts a cluster, or throws ``Unavailable`` / ``CommandFailed``.
    static func start() throws -> ThrowawayPostgres {
        let bin = try findBinDirectory()
        var runAs: [String] = []
        var owner: (uid: uid_t, gid: gid_t)?
        if getuid() == 0 {
            guard let entry = getpwnam("postgres") else { throw Unavailable(description: "running as root and there is no `postgres` user") }
            guard let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
                throw Unavailable(description: "running as root and `runuser` is missing")
            }
            runAs = [runuser, "-u", "postgres", "--"]
            owner = (entry.pointee.pw_uid, entry.pointee.pw_gid)
        }
        var template = Array("/tmp/ers-pg.XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw Unavailable(description: "cannot create a directory under /tmp") }
        let base = String(cString: created)
        if let owner { _ = chown(base, owner.uid, owner.gid) }
        _ = chmod(base, 0o700)
        let postgres = ThrowawayPostgres(binDirectory: bin, baseDirectory: base, port: Int.random(in: 20_000..<30_000), runAs: runAs)
        do {
            try postgres.initdb()
            try postgres.startServer()
        } catch {
            let log = (try? String(contentsOfFile: "\(base)/server.log", encoding: .utf8)) ?? ""
            postgres.stop()
            throw Unavailable(description: "the cluster did not start: \(error)\n\(log)")
        }
        return postgres
    }

    /// The newest `…/bin` with the programs used here.
    private static func findBinDirectory() throws -> String {
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["ERS_PG_BIN"] {
            candidates = [explicit]
        } else {
            let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
            candidates = versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        }
        let tools = ["initdb", "postgres", "pg_isready", "pg_ctl", "psql"]
        guard let found = candidates.first(where: { dir in tools.allSatisfy { FileManager.default.isExecutableFile(atPath: "\(dir)/\($0)") } }) else {
            throw Unavailable(description: "no PostgreSQL server found (looked in $ERS_PG_BIN and /usr/lib/postgresql/*/bin)")
        }
        return found
    }

    /// `initdb` with a C.UTF-8 locale, falling back to no locale.
    private func initdb() throws {
        let common = runAs + ["\(binDirectory)/initdb", "-D", "\(baseDirectory)/data", "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]
        do {
            try run(common + ["--locale=C.UTF-8"])
        } catch {
            try? FileManager.default.removeItem(atPath: "\(baseDirectory)/data")
            try run(common + ["--no-locale"])
        }
    }

    /// Runs `postgres` itself as a child process (not `pg_ctl start`: Foundation's `Process`
    /// on Linux notices a child's exit only when every descendant has closed an inherited
    /// socket, so waiting for `pg_ctl start` would hang on the daemonized server — see
    /// swift-corelibs-foundation#4795) and waits until `pg_isready` reports it accepts
    /// connections.
    private func startServer() throws {
        let logURL = URL(fileURLWithPath: "\(baseDirectory)/server.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        let process = Process()
        let arguments = runAs + [
            "\(binDirectory)/postgres", "-D", "\(baseDirectory)/data", "-k", baseDirectory, "-p", String(port),
            "-c", "listen_addresses=", "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off",
        ]
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
        server = process
        running = true
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !process.isRunning { throw Unavailable(description: "postgres exited at start") }
            if (try? run(runAs + ["\(binDirectory)/pg_isready", "-q", "-h", baseDirectory, "-p", String(port)])) != nil { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Unavailable(description: "postgres did not accept connections within 60 s")
    }

    /// Runs `sql` with `psql -X -v ON_ERROR_STOP=1 -At` in `database` and returns its standard
    /// output (rows as `a|b`). `singleTransaction` wraps the input in one transaction (`-1`),
    /// as the migration runner does; `timeZone` sets the session `TimeZone` (through `PGTZ`).
    /// Throws ``CommandFailed`` with psql's messages when a statement fails.
    @discardableResult
    func psql(_ sql: String, database: String = "postgres", singleTransaction: Bool = false, timeZone: String? = nil) throws -> String {
        inputCount += 1
        let input = "\(baseDirectory)/input-\(inputCount).sql"
        try Data(sql.utf8).write(to: URL(fileURLWithPath: input))
        var environment = ["PGOPTIONS=-c client_min_messages=warning"]
        if let timeZone { environment.append("PGTZ=\(timeZone)") }
        var arguments = runAs + ["/usr/bin/env"] + environment + [
            "\(binDirectory)/psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
            "-h", baseDirectory, "-p", String(port), "-U", "postgres", "-d", database, "-f", input,
        ]
        if singleTransaction { arguments.append("-1") }
        return try run(arguments).stdout
    }

    /// Stops the server (fast shutdown) and deletes the directory. Safe to call twice.
    func stop() {
        if running {
            if (try? run(runAs + ["\(binDirectory)/pg_ctl", "-D", "\(baseDirectory)/data", "-m", "fast", "-w", "-t", "30", "stop"])) == nil {
                server?.terminate()
            }
            running = false
        }
        try? FileManager.default.removeItem(atPath: baseDirectory)
    }

    /// Runs `arguments` (absolute program path first) with a timeout; throws ``CommandFailed``
    /// on a non-zero exit (or a timeout, status -1).
    @discardableResult
    private func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> (stdout: String, stderr: String) {
        guard let program = arguments.first else { throw Unavailable(description: "empty command") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(arguments.dropFirst())
        let outURL = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ers-pg-\(UUID().uuidString).out")
        let errURL = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("ers-pg-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            finished.wait()
        }
        try? out.close()
        try? err.close()
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        if timedOut || process.terminationStatus != 0 {
            throw CommandFailed(command: arguments.joined(separator: " "), status: timedOut ? -1 : process.terminationStatus, output: stderr + stdout)
        }
        return (stdout, stderr)
    }
}
