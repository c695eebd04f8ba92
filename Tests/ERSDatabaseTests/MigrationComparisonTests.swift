import ERSDatabase
import ERSSQL
import Foundation
import Testing

/// Migration files and their comparison with the history, without a database.
@Suite("Migration files and history comparison")
struct MigrationComparisonTests {
    func file(_ name: String, _ text: String) throws -> MigrationFile {
        MigrationFile(name: try #require(MigrationFileName(name)), path: "sql/\(name)", contents: text)
    }

    func record(_ file: MigrationFile, rank: Int64, checksum: String? = nil, success: Bool = true) -> MigrationRecord {
        MigrationRecord(
            rank: rank, version: file.version, description: file.migrationDescription, script: file.name.description,
            checksum: checksum ?? file.checksum, appliedAt: "2026-01-05 10:00:00", appliedBy: "ers", durationMilliseconds: 3,
            success: success, transactional: !file.isNonTransactional, error: success ? nil : "line 1: ERROR")
    }

    @Test func statementsKeepTheirLineNumbers() throws {
        let migration = try file("0001_a.sql", "-- header\n\nCREATE TABLE a (id int); -- one\n\nINSERT INTO a\n  VALUES (1);\nDO $$ BEGIN PERFORM 1; END $$;\n")
        #expect(migration.statements.map(\.line) == [3, 5, 7])
        #expect(migration.statements.map(\.sql) == ["CREATE TABLE a (id int)", "INSERT INTO a\n  VALUES (1)", "DO $$ BEGIN PERFORM 1; END $$"])
        #expect(migration.checksum.count == 64 && !migration.isNonTransactional)
    }

    @Test func theDirectoryRefusesBadNamesDuplicateVersionsAndTransactionControl() throws {
        let directory = try MigrationFixtures.directory([
            "001_short.sql": "SELECT 1;", "0002_a.sql": "SELECT 1;", "0002_b.sql": "SELECT 2;",
            "0003_tx.sql": "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n", "0004_empty.sql": "-- nothing\n", "README.md": "ignored",
        ])
        #expect {
            _ = try MigrationDirectory(path: directory)
        } throws: { error in
            let text = "\(error)"
            return text.contains("001_short.sql: not a migration name") && text.contains("0002_b.sql: version 2 is also used by 0002_a.sql")
                && text.contains("0003_tx.sql:1: BEGIN controls the transaction") && text.contains("0003_tx.sql:3: COMMIT")
                && text.contains("0004_empty.sql: holds no SQL statement") && !text.contains("README")
        }
        #expect {
            _ = try MigrationDirectory(path: directory + "/missing")
        } throws: { error in
            "\(error)".contains("does not exist or is not a directory; render the migrations")
        }
    }

    @Test func comparisonFindsAppliedPendingChangedFailedAndMissing() throws {
        let one = try file("0001_a.sql", "CREATE TABLE a (id int);")
        let two = try file("0002_b.sql", "CREATE TABLE b (id int);")
        let three = try file("0003_c.sql", "\(MigrationHeader.nonTransactionalMarker)\nCREATE INDEX CONCURRENTLY c ON b (id);")
        let four = try file("0004_d.sql", "SELECT 1;")
        let view = try file("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;")
        let gone = try file("0009_gone.sql", "SELECT 9;")
        let records = [
            record(one, rank: 1), record(two, rank: 2, checksum: String(repeating: "0", count: 64)), record(three, rank: 3, success: false),
            record(view, rank: 4, checksum: String(repeating: "1", count: 64)), record(gone, rank: 5),
        ]
        let comparison = MigrationComparison(files: [one, two, three, four, view], records: records)
        #expect(comparison.entries.map { "\($0.script) \($0.state.label)" } == [
            "0001_a.sql applied", "0002_b.sql CHANGED", "0003_c.sql FAILED", "0004_d.sql pending", "R__view.sql outdated", "0009_gone.sql no file",
        ])
        #expect(comparison.isBlocked)
        #expect(comparison.changed.map(\.script) == ["0002_b.sql"])
        #expect(comparison.blockedFailures.map(\.script) == ["0003_c.sql"])
        #expect(comparison.toRun.map(\.name.description) == ["0004_d.sql", "R__view.sql"])
    }
}
