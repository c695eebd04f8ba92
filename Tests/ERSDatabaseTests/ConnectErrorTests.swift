import ERSDatabase
import Foundation
import Testing

/// What a failed connection says: the cause and the fix a user can act on.
@Suite struct ConnectErrorTests {
    /// Regression: without a password file the test server (scram-sha-256 over TCP) asks for a
    /// password, and the error used to be postgres-nio's bare `authMechanismRequiresPassword`
    /// followed by "check the host and port, that the server runs, … firewall" — the server was
    /// reached, so that hint sent the user the wrong way.
    @Test func aMissingPasswordSaysSoAndHowToGiveIt() async throws {
        guard let (text, _) = TestEnvironment.database(sourceLocation: #_sourceLocation) else { return }
        let url = try DatabaseURL(parsing: text)
        #expect(url.password == nil)
        do {
            let session = try await DatabaseSession.connect(to: url, applicationName: "ers-tests", logger: TestDatabase.logger)
            await session.close()
            Issue.record("the test server accepted a connection without a password; it must ask for one (scripts/services-up.sh sets scram-sha-256)")
        } catch let error as DatabaseError {
            guard case .connect(_, let reason, let fix) = error else {
                Issue.record("expected DatabaseError.connect, got \(error)")
                return
            }
            #expect(reason.contains("asks for a password"), "\(reason)")
            #expect(reason.contains("\"\(url.username)\""), "\(reason)")
            #expect(fix.contains("DATABASE_PASSWORD_FILE"), "\(fix)")
            #expect(!fix.contains("firewall"), "\(fix)")
        }
    }

    /// A password in `--database-url` works but is visible in `ps` and the shell's history:
    /// the tool says so (without printing it) and goes on.
    @Test(.timeLimit(.minutes(2))) func aPasswordOnTheCommandLineIsWarnedAbout() async throws {
        guard let tool = TestEnvironment.ersctlDB(sourceLocation: #_sourceLocation) else { return }
        try await TestDatabase.with { database in
            let secret = try String(contentsOfFile: database.passwordFile, encoding: .utf8).trimmingCharacters(in: .newlines)
            var components = try #require(URLComponents(string: database.urlText))
            components.password = secret
            let withPassword = try #require(components.string)
            let migrations = FileManager.default.temporaryDirectory.appendingPathComponent("ers-empty-migrations-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: migrations, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: migrations) }
            let run = try await ToolRun.run(tool, ["migrate", "status", "--database-url", withPassword, "--migrations", migrations])
            #expect(run.err.contains("warning: the password is in --database-url"), "\(run.err)")
            #expect(!run.err.contains(secret) && !run.out.contains(secret), "the password itself is never printed")
            let fromFile = try await ToolRun.run(tool, ["migrate", "status", "--database-url", database.urlText, "--migrations", migrations],
                                                 environment: ["DATABASE_PASSWORD_FILE": database.passwordFile])
            #expect(!fromFile.err.contains("warning: the password"), "\(fromFile.err)")
        }
    }
}
