public import ERSRedis
public import PostgresNIO

extension ReadinessCheck {
    /// `SELECT 1` on the pool: PostgreSQL accepts connections and answers queries.
    public static func postgres(_ client: PostgresClient) -> ReadinessCheck {
        ReadinessCheck(name: "postgres") {
            let rows = try await client.query("SELECT 1")
            for try await _ in rows {}
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
