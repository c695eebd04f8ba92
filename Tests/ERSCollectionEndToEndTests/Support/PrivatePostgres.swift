import ERSDatabase
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL 15 cluster of the test's own (initdb in a scratch directory, a free port,
/// scram-sha-256), so the test may restart it without disturbing the shared test server the
/// other suites use at the same time. Binaries from `ERS_TEST_PG_BIN` (services-up.sh);
/// run as the `postgres` OS user when the tests run as root (initdb refuses root).
struct PrivatePostgres: Sendable {
    let directory: String
    let port: Int
    let passwordFile: String
    let bin: String
    let runAs: String

    struct Failed: Error, CustomStringConvertible { var description: String }

    /// `postgres://postgres@127.0.0.1:<port>/postgres` (the superuser: creates databases).
    var url: DatabaseURL {
        get throws { try DatabaseURL(parsing: "postgres://postgres@127.0.0.1:\(port)/postgres?sslmode=disable", passwordFile: passwordFile) }
    }

    /// Runs `body` with a started cluster; stops it and removes its directory however `body` ends.
    static func with(_ body: (PrivatePostgres) async throws -> Void) async throws {
        let bin = EndToEnd.environment["ERS_TEST_PG_BIN"] ?? "/usr/lib/postgresql/15/bin"
        guard FileManager.default.isExecutableFile(atPath: bin + "/initdb") else { throw Failed(description: "\(bin)/initdb not found (install postgresql-15; set ERS_TEST_PG_BIN)") }
        let directory = try EndToEnd.scratchDirectory("pg")
        let runAs = getuid() == 0 ? "runuser -u postgres -- " : ""
        let server = PrivatePostgres(directory: directory, port: EndToEnd.freePort(), passwordFile: directory + "/password", bin: bin, runAs: runAs)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            try await server.initialise()
            try await server.control("start")
            try await body(server)
        } catch {
            _ = await server.pgctl("stop -m immediate")
            throw error
        }
        _ = await server.pgctl("stop -m immediate")
    }

    private func initialise() async throws {
        let password = UUID().uuidString + UUID().uuidString
        try password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
        if !runAs.isEmpty, await ChildProcess.shell("chown -R postgres: '\(directory)'") != 0 { throw Failed(description: "chown \(directory) failed") }
        let command = "\(runAs)'\(bin)/initdb' -D '\(directory)/data' -U postgres --pwfile='\(passwordFile)' --auth=scram-sha-256 -E UTF8 --no-locale --no-sync"
        guard await ChildProcess.shell(command, logPath: directory + "/initdb.log") == 0 else { throw Failed(description: "initdb failed: see \(directory)/initdb.log") }
        let settings = "\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 100\nlisten_addresses = '127.0.0.1'\nport = \(port)\nunix_socket_directories = '\(directory)'\n"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/data/postgresql.conf"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(settings.utf8))
        try handle.close()
    }

    /// `pg_ctl <arguments>` (waits up to 60 s); its exit status.
    func pgctl(_ arguments: String) async -> Int32 {
        await ChildProcess.shell("\(runAs)'\(bin)/pg_ctl' -D '\(directory)/data' -l '\(directory)/postgresql.log' -w -t 60 \(arguments)", timeout: 90)
    }

    /// `pg_ctl start` / `restart -m fast`, throwing when it fails.
    func control(_ arguments: String) async throws {
        guard await pgctl(arguments) == 0 else {
            let log = (try? String(contentsOfFile: directory + "/postgresql.log", encoding: .utf8)) ?? ""
            throw Failed(description: "pg_ctl \(arguments) failed: \(log.suffix(1500))")
        }
    }
}
