import Foundation
import Testing

/// The `ers-server` binary (built next to the test bundle): `users`, `healthcheck`, and the
/// refusal to start `auth` without a strong key.
@Suite("ers-server command line")
struct CommandLineTests {
    static var binary: String? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent(), directory.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("ers-server").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func binaryOrReport(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let binary { return binary }
        TestServices.report("the ers-server binary is not built (swift build --product ers-server)", sourceLocation: sourceLocation)
        return nil
    }

    struct Result { var status: Int32; var output: String; var error: String }

    static func run(_ arguments: [String], environment: [String: String], input: String? = nil) throws -> Result {
        guard let binary else { throw RawHTTP.Failure(description: "no binary") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { $1 }
        let output = Pipe(), error = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(2))) func usersAddListDisableWithThePasswordFromStandardInput() async throws {
        guard Self.binaryOrReport() != nil, let harness = try await AuthHarness.start() else { return }
        let environment = ["DATABASE_URL": "postgres://\(harness.database.url.username)@127.0.0.1:\(harness.database.url.port)/\(harness.database.url.database)?sslmode=disable",
                           "DATABASE_PASSWORD": harness.database.url.password ?? ""]
        let name = AuthHarness.uniqueName("ivan"), password = "ivan's own passphrase"
        let added = try Self.run(["users", "add", name, "--role", "admin", "--role", "reader"], environment: environment, input: password + "\n")
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output.contains("added \(name)"))
        #expect(!added.error.contains("warning"), "admin is a role the collection API knows: \(added.error)")
        #expect(try await harness.login(name, password).status == 200)
        // A typo in the role is not refused (other services may use other names) but said.
        let typo = try Self.run(["users", "add", AuthHarness.uniqueName("olga"), "--role", "admn"], environment: environment, input: password + "\n")
        #expect(typo.status == 0, "\(typo.error)")
        #expect(typo.error.contains("no role the collection API knows (viewer, operator, admin)"), "\(typo.error)")

        let tooLong = String(repeating: "x", count: 80)
        let refused = try Self.run(["users", "add", AuthHarness.uniqueName("long")], environment: environment, input: tooLong)
        #expect(refused.status == 64 && refused.error.contains("at most 72"))
        #expect(!refused.error.contains(tooLong) && !refused.output.contains(tooLong))

        let listed = try Self.run(["users", "list"], environment: environment)
        #expect(listed.status == 0 && listed.output.contains("\(name)\tadmin,reader\tactive"))
        #expect(!listed.output.contains("$2b$"))

        let disabled = try Self.run(["users", "disable", name], environment: environment)
        #expect(disabled.status == 0, "\(disabled.error)")
        #expect(try await harness.login(name, password).status == 401)
        let missing = try Self.run(["users", "disable", "nobody-\(UUID().uuidString.prefix(6).lowercased())"], environment: environment)
        #expect(missing.status == 64 && missing.error.contains("there is no user"))
        let rows = try await harness.database.auditRows()
        #expect(rows.contains { $0.contains(#""action":"user.created""#) && $0.contains(name) })
        #expect(rows.contains { $0.contains(#""action":"user.disabled""#) && $0.contains(name) })

        // healthcheck: 0 against the running service's /ready, 1 against nothing.
        let healthy = try Self.run(["healthcheck", "http://127.0.0.1:\(harness.server.port)/ready"], environment: [:])
        #expect(healthy.status == 0, "\(healthy.output) \(healthy.error)")
        let down = try Self.run(["healthcheck", "http://127.0.0.1:\(try FreePort.find())/ready", "--timeout", "1"], environment: [:])
        #expect(down.status == 1)
        try await harness.expectNoSecretsInLogsOrAudit([password, tooLong])
        await harness.stop()
    }

    @Test func authRefusesToStartWithoutAStrongKey() throws {
        guard Self.binaryOrReport() != nil else { return }
        let missing = try Self.run(["auth"], environment: ["HTTP_PORT": "0"])
        #expect(missing.status == 78 && missing.error.contains("JWT_SECRET") && missing.error.contains("JWT_SECRET_FILE"))
        let weak = try Self.run(["auth"], environment: ["HTTP_PORT": "0", "JWT_SECRET": "your-super-secret-jwt-key"])
        #expect(weak.status == 78 && weak.error.contains("at least 32") && !weak.error.contains("your-super-secret-jwt-key"))
        let noDatabase = try Self.run(["auth"], environment: ["HTTP_PORT": "0", "JWT_SECRET": AuthHarness.randomSecret()])
        #expect(noDatabase.status == 78 && noDatabase.error.contains("DATABASE_URL"))
    }

    /// Regression: with a wrong password or a missing database `users` waited 30 s and then
    /// said "did not finish … check that the migrations are applied", hiding PostgreSQL's answer.
    @Test(.timeLimit(.minutes(2))) func usersSaysWhyItCannotConnect() async throws {
        guard Self.binaryOrReport() != nil, let harness = try await AuthHarness.start() else { return }
        let url = harness.database.url
        let base = "postgres://\(url.username)@127.0.0.1:\(url.port)"
        let wrong = try Self.run(["users", "list"], environment: ["DATABASE_URL": "\(base)/\(url.database)?sslmode=disable",
                                                                  "DATABASE_PASSWORD": "not-the-password"])
        #expect(wrong.status == 69, "\(wrong.error)")
        #expect(wrong.error.contains("password authentication failed"), "\(wrong.error)")
        #expect(!wrong.error.contains("did not finish") && !wrong.error.contains("migrations"), "\(wrong.error)")
        #expect(!wrong.error.contains("not-the-password"))
        let missing = try Self.run(["users", "list"], environment: ["DATABASE_URL": "\(base)/ers_no_such_database?sslmode=disable",
                                                                    "DATABASE_PASSWORD": url.password ?? ""])
        #expect(missing.status == 69, "\(missing.error)")
        #expect(missing.error.contains("\"ers_no_such_database\" does not exist"), "\(missing.error)")
        await harness.stop()
    }
}
