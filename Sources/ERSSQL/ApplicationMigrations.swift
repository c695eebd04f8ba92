public import ERSRender

/// The migrations of ERS's own tables (not declared in the spec), rendered into `sql/` with the
/// partitioned tables' files.
///
/// Numbering never collides with the partitioned tables: those take versions 1…99
/// (`0001_…` in spec order; validation refuses a 100th table), application migrations take
/// 100 and up (`0100_create_users.sql`, then `0101_…`), so every file name keeps four digits
/// and byte order stays apply order. Their text is fixed — independent of the spec and of
/// `--as-of` — so a render never changes an applied file; a schema change is a new file with
/// the next number. Each is idempotent (`IF NOT EXISTS`).
public enum ApplicationMigrations {
    /// The first version of an application migration.
    public static let firstVersion = 100
    /// Most partitioned tables a spec may declare (their versions end below ``firstVersion``).
    public static let maximumPartitionedTables = firstVersion - 1
    /// Relation names the application migrations create: a partitioned table or index may
    /// not take them.
    public static let relationNames: Set<String> = ["users", "users_pkey", "users_username_key", "users_id_seq"]

    /// `sql/0100_create_users.sql`.
    public static let usersFile = MigrationFileName.versioned(version: firstVersion, description: "create_users")

    /// Every application migration, in version order.
    public static func files() -> [RenderedFile] {
        [RenderedFile(path: "\(PartitionDDLRenderer.directory)/\(usersFile)", contents: usersMigration)]
    }

    /// The `users` table of the auth service (`ers-server auth`, `ers-server users`).
    static let usersMigration = MigrationHeader.render([
        "\(usersFile) — table users: the accounts the auth service logs in.",
        "Built into ersctl (not from the spec); the same text in every render. Do not edit: the migration",
        "runner checksums applied files; a schema change is a new migration with the next number.",
        "",
        "Versioned migration, applied once in one transaction. Idempotent (IF NOT EXISTS).",
        "password_hash holds a bcrypt hash ($2b$, cost 12 or more), never a password; user names are",
        "lower-case ASCII so they are safe in the X-User header, Redis keys and logs.",
    ]) + """
        CREATE TABLE IF NOT EXISTS users (
            id bigint GENERATED ALWAYS AS IDENTITY,
            username varchar(100) NOT NULL,
            password_hash text NOT NULL,
            roles text[] NOT NULL DEFAULT '{}',
            disabled boolean NOT NULL DEFAULT false,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT users_pkey PRIMARY KEY (id),
            CONSTRAINT users_username_key UNIQUE (username),
            CONSTRAINT users_username_check CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{0,99}$'),
            CONSTRAINT users_password_hash_check CHECK (password_hash ~ '^\\$2[aby]\\$(1[2-9]|2[0-9]|3[01])\\$[./A-Za-z0-9]{53}$'),
            CONSTRAINT users_roles_check CHECK (array_position(roles, NULL) IS NULL)
        );

        COMMENT ON TABLE users IS 'Accounts of the ERS auth service: bcrypt hashes only (cost 12 or more). Managed with ers-server users add|disable|list; every change is in audit_logs. Created by ersctl; do not edit.';

        """
}
