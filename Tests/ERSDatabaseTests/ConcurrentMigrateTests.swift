import ERSSQL
import Foundation
import Testing

/// Several `ersctl-db migrate up` processes at once, as several pods starting together.
@Suite("Concurrent migration runners")
struct ConcurrentMigrateTests {
    @Test(.timeLimit(.minutes(3))) func fourProcessesApplyEachMigrationExactlyOnceAndAllSucceed() async throws {
        guard let tool = TestEnvironment.ersctlDB(sourceLocation: #_sourceLocation) else { return }
        try await TestDatabase.with { database in
            let directory = try MigrationFixtures.directory([
                "0001_events.sql": """
                    CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, note text);
                    INSERT INTO events (at) SELECT now() FROM generate_series(1, 20000);
                    SELECT pg_sleep(0.3);
                    """,
                "0002_index.sql": """
                    \(MigrationHeader.nonTransactionalMarker)
                    CREATE INDEX CONCURRENTLY IF NOT EXISTS events_at ON events (at);
                    SELECT pg_sleep(0.3);
                    CREATE INDEX CONCURRENTLY IF NOT EXISTS events_note ON events (note);
                    """,
                "0003_more.sql": "ALTER TABLE events ADD COLUMN source text;",
                "R__view.sql": "CREATE OR REPLACE VIEW recent_events AS SELECT * FROM events ORDER BY at DESC LIMIT 10;",
            ])
            let runs = try (0..<4).map { _ in
                try ToolRun(
                    tool, ["migrate", "up", "--migrations", directory, "--database-url", database.urlText, "--lock-wait", "120"],
                    environment: ["DATABASE_PASSWORD_FILE": database.passwordFile])
            }
            var statuses: [Int32] = []
            for run in runs { statuses.append(try await run.wait()) }
            #expect(statuses == [0, 0, 0, 0], "\(runs.map { $0.stderr })")
            #expect(runs.filter { $0.stdout.contains("applied 4 migrations") }.count == 1)
            #expect(runs.filter { $0.stdout.contains("nothing to apply") }.count == 3)
            #expect(try await database.lines(
                "SELECT script || '|' || count(*) || '|' || bool_and(success) FROM ers_schema_history GROUP BY script ORDER BY script") == [
                    "0001_events.sql|1|true", "0002_index.sql|1|true", "0003_more.sql|1|true", "R__view.sql|1|true",
                ])
            #expect(try await database.lines(
                "SELECT count(*)::text FROM pg_index WHERE indrelid = 'events'::regclass AND indisvalid") == ["3"])
        }
    }
}
