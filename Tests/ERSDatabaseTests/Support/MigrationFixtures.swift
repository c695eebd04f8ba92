import ERSDatabase
import Foundation

/// Migration directories written for a test.
enum MigrationFixtures {
    /// A fresh directory holding `files` (name → text).
    static func directory(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ers-migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
        return url.path
    }

    /// Writes (or replaces) one file in `directory`.
    static func write(_ text: String, to name: String, in directory: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }

    /// Three files: two versioned, one repeatable.
    static let basic: [String: String] = [
        "0001_create_hosts.sql": """
            -- hosts
            CREATE TABLE hosts (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL UNIQUE
            );
            INSERT INTO hosts (name) VALUES ('alpha'); -- a comment; with a semicolon
            """,
        "0002_add_note.sql": """
            ALTER TABLE hosts ADD COLUMN note text;
            COMMENT ON COLUMN hosts.note IS 'free text; may hold ;';
            """,
        "R__views.sql": """
            CREATE OR REPLACE VIEW host_names AS SELECT name FROM hosts;
            """,
    ]

    /// A runner over `directory` in `session`, lines collected in `log`.
    static func runner(_ session: DatabaseSession, _ directory: String, lockWait: Duration = .seconds(30)) throws -> MigrationRunner {
        MigrationRunner(session: session, directory: try MigrationDirectory(path: directory), lockWait: lockWait)
    }
}
