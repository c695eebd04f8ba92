import ERSDatabase
import ERSSQL
import Foundation
import Testing

/// The migration runner against a real PostgreSQL 15 (a database of its own per test).
@Suite("Migration runner on PostgreSQL")
struct MigrationRunnerTests {
    @Test(.timeLimit(.minutes(2))) func appliesOnceInOrderAndRecordsTheHistory() async throws {
        try await TestDatabase.with { database in
            let directory = try MigrationFixtures.directory(MigrationFixtures.basic)
            try await database.withSession { session in
                    let runner = try MigrationFixtures.runner(session, directory)
                    let applied = try await runner.up()
                    #expect(applied.map(\.name.description) == ["0001_create_hosts.sql", "0002_add_note.sql", "R__views.sql"])
                    #expect(try await runner.up().isEmpty, "a second run applies nothing")
                    let comparison = try await runner.compare()
                    #expect(comparison.entries.map(\.state.label) == ["applied", "applied", "applied"])
            }
            let history = try await database.lines(
                "SELECT coalesce(version::text, 'R'), script, length(checksum)::text, success::text, transactional::text, (duration_ms >= 0)::text FROM ers_schema_history ORDER BY installed_rank")
            #expect(history == [
                "1|0001_create_hosts.sql|64|true|true|true", "2|0002_add_note.sql|64|true|true|true", "R|R__views.sql|64|true|true|true",
            ])
            let checksum = Checksum(MigrationFixtures.basic["0001_create_hosts.sql"] ?? "")
            #expect(try await database.lines("SELECT checksum FROM ers_schema_history WHERE version = 1") == [checksum])
            #expect(try await database.lines("SELECT name FROM host_names") == ["alpha"])
        }
    }

    @Test(.timeLimit(.minutes(2))) func planRunsNothingAndCreatesNoHistoryTable() async throws {
        try await TestDatabase.with { database in
            let directory = try MigrationFixtures.directory(MigrationFixtures.basic)
            let comparison = try await database.withSession { try await MigrationFixtures.runner($0, directory).compare() }
            #expect(comparison.toRun.map(\.name.description) == ["0001_create_hosts.sql", "0002_add_note.sql", "R__views.sql"])
            #expect(try await database.lines("SELECT (to_regclass('ers_schema_history') IS NULL)::text, (to_regclass('hosts') IS NULL)::text") == ["true|true"])
        }
    }

    @Test(.timeLimit(.minutes(2))) func anEditedAppliedMigrationIsAnErrorUntilRepaired() async throws {
        try await TestDatabase.with { database in
            let directory = try MigrationFixtures.directory(MigrationFixtures.basic)
            try await database.withSession { session in
                _ = try await MigrationFixtures.runner(session, directory).up()
                let edited = (MigrationFixtures.basic["0002_add_note.sql"] ?? "") + "\n-- edited after it was applied\n"
                try MigrationFixtures.write(edited, to: "0002_add_note.sql", in: directory)
                try MigrationFixtures.write("CREATE TABLE later (id int);", to: "0003_later.sql", in: directory)
                let runner = try MigrationFixtures.runner(session, directory)
                await #expect {
                    _ = try await runner.up()
                } throws: { error in
                    let text = "\(error)"
                    return text.contains("\(directory)/0002_add_note.sql: applied") && text.contains("ersctl migrate repair")
                        && text.contains("nothing was run")
                }
                #expect(try await database.lines("SELECT (to_regclass('later') IS NULL)::text") == ["true"], "nothing runs while a file is changed")
                #expect(try await runner.compare().entries.map(\.state.label) == ["applied", "CHANGED", "pending", "applied"])
                let repaired = try await runner.repair()
                #expect(repaired.count == 1 && repaired[0].contains("accepted the changed"))
                #expect(try await runner.up().map(\.name.description) == ["0003_later.sql"])
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func aFailedStatementRollsBackTheFileIsRecordedAndNamed() async throws {
        try await TestDatabase.with { database in
            let directory = try MigrationFixtures.directory([
                "0001_ok.sql": "CREATE TABLE a (id int PRIMARY KEY);",
                "0002_bad.sql": "CREATE TABLE b (id int);\n\nINSERT INTO a VALUES (1);\nINSERT INTO a VALUES (1);\n",
            ])
            try await database.withSession { session in
                let runner = try MigrationFixtures.runner(session, directory)
                await #expect {
                    _ = try await runner.up()
                } throws: { error in
                    guard case MigrationError.statementFailed(let file, let line, let number, let transactional, let underlying) = error else { return false }
                    let server = underlying.serverError
                    return file.hasSuffix("0002_bad.sql") && line == 4 && number == 3 && transactional && server?.sqlState == "23505"
                        && server?.detail == "Key (id)=(1) already exists." && "\(error)".contains("INSERT INTO a VALUES (1)")
                }
                #expect(try await database.lines("SELECT (to_regclass('b') IS NULL)::text, count(*)::text FROM a") == ["true|0"], "the file's transaction was rolled back")
                let recorded = try await database.lines("SELECT script, success::text, error FROM ers_schema_history WHERE NOT success")
                #expect(recorded.count == 1)
                #expect(recorded.first?.hasPrefix("0002_bad.sql|false|line 4, statement 3: ERROR 23505: duplicate key value") == true)
                // Fixed: the failed file runs again.
                try MigrationFixtures.write("CREATE TABLE b (id int);\nINSERT INTO a VALUES (1);\n", to: "0002_bad.sql", in: directory)
                #expect(try await MigrationFixtures.runner(session, directory).up().map(\.name.description) == ["0002_bad.sql"])
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func aNonTransactionalFileRunsCreateIndexConcurrently() async throws {
        try await TestDatabase.with { database in
            let directory = try MigrationFixtures.directory([
                "0001_table.sql": "CREATE TABLE events (id bigint, at timestamptz);\nINSERT INTO events SELECT g, now() FROM generate_series(1, 1000) AS g;",
                "0002_index.sql": """
                    -- Built without blocking writers.
                    \(MigrationHeader.nonTransactionalMarker)

                    CREATE INDEX CONCURRENTLY IF NOT EXISTS events_at ON events (at);
                    CREATE INDEX CONCURRENTLY IF NOT EXISTS events_id ON events (id);
                    """,
            ])
            let applied = try await database.withSession { try await MigrationFixtures.runner($0, directory).up() }
            #expect(applied.map(\.isNonTransactional) == [false, true])
            #expect(try await database.lines(
                "SELECT c.relname::text, i.indisvalid::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'events'::regclass ORDER BY 1")
                == ["events_at|true", "events_id|true"])
            #expect(try await database.lines("SELECT transactional::text FROM ers_schema_history ORDER BY installed_rank") == ["true", "false"])
        }
    }

    @Test(.timeLimit(.minutes(2))) func aFailedNonTransactionalFileBlocksUntilRepaired() async throws {
        try await TestDatabase.with { database in
            let directory = try MigrationFixtures.directory([
                "0001_index.sql": "\(MigrationHeader.nonTransactionalMarker)\nCREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_missing ON t (missing);\n",
            ])
            try await database.withSession { session in
                await #expect(throws: MigrationError.self) { _ = try await MigrationFixtures.runner(session, directory).up() }
                await #expect {
                    _ = try await MigrationFixtures.runner(session, directory).up()
                } throws: { error in
                    "\(error)".contains("outside a transaction failed earlier") && "\(error)".contains("ersctl migrate repair")
                }
                try MigrationFixtures.write(
                    "\(MigrationHeader.nonTransactionalMarker)\nCREATE TABLE IF NOT EXISTS t (id int);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS t_id ON t (id);\n",
                    to: "0001_index.sql", in: directory)
                let runner = try MigrationFixtures.runner(session, directory)
                #expect(try await runner.repair().contains { $0.contains("removed the failed attempt of 0001_index.sql") })
                #expect(try await runner.up().count == 1)
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func aRepeatableFileRunsAgainWhenItChanges() async throws {
        try await TestDatabase.with { database in
            let directory = try MigrationFixtures.directory(MigrationFixtures.basic)
            try await database.withSession { session in
                _ = try await MigrationFixtures.runner(session, directory).up()
                try MigrationFixtures.write(
                    "CREATE OR REPLACE VIEW host_names AS SELECT upper(name) AS name FROM hosts;", to: "R__views.sql", in: directory)
                let runner = try MigrationFixtures.runner(session, directory)
                #expect(try await runner.compare().entries.map(\.state.label) == ["applied", "applied", "outdated"])
                #expect(try await runner.up().map(\.name.description) == ["R__views.sql"])
                #expect(try await runner.up().isEmpty)
            }
            #expect(try await database.lines("SELECT name FROM host_names") == ["ALPHA"])
            #expect(try await database.lines("SELECT count(*)::text FROM ers_schema_history WHERE version IS NULL") == ["2"])
        }
    }
}

/// The checksum the runner records (SHA-256 hex), computed independently with sha256sum.
private func Checksum(_ text: String) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    guard (try? process.run()) != nil else { return "sha256sum unavailable" }
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}
