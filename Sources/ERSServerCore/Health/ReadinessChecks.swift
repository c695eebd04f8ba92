public import ERSDatabase
public import ERSRedis
import Logging
public import PostgresNIO

extension ReadinessCheck {
    /// `SELECT 1` on the pool: PostgreSQL accepts connections and answers queries. The pool
    /// keeps retrying its connections and never says why they fail, so when it has not
    /// answered within `diagnoseAfter` and `url` is given, one direct connection is tried
    /// meanwhile: if PostgreSQL refuses it — a wrong password (28P01), a missing database
    /// (3D000), TLS — the check fails at once with that reason (``DatabaseError`` says what,
    /// where and how to fix it); if it is accepted, the check goes on waiting for the pool
    /// (within the readiness timeout, as without a `url`).
    public static func postgres(_ client: PostgresClient, url: DatabaseURL? = nil, diagnoseAfter: Duration = .seconds(1)) -> ReadinessCheck {
        ReadinessCheck(name: "postgres") {
            @Sendable func selectOne() async throws {
                let rows = try await client.query("SELECT 1")
                for try await _ in rows {}
            }
            guard let url else {
                try await selectOne()
                return nil
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await selectOne() }
                group.addTask {
                    try await Task.sleep(for: diagnoseAfter)
                    let session = try await DatabaseSession.connect(to: url, applicationName: "ers-readiness", logger: Logger(label: "ers.readiness"))
                    await session.close()
                    // PostgreSQL takes connections: the pool's answer decides (this waits to be cancelled).
                    try await Task.sleep(for: .seconds(86_400))
                }
                // The first to end decides: the pool's answer, or a refused direct connection.
                try await group.next()
                group.cancelAll()
            }
            return nil
        }
    }

    /// `PING`: Redis accepts connections and the credentials.
    public static func redis(_ client: RedisClient) -> ReadinessCheck {
        ReadinessCheck(name: "redis") {
            try await client.ping()
            return nil
        }
    }
}
