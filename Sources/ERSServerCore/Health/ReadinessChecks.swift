public import ERSDatabase
public import ERSRedis
import Logging
public import PostgresNIO

extension ReadinessCheck {
    /// `SELECT 1` on the pool: PostgreSQL accepts connections and answers queries. When the
    /// pool gives no answer within `poolLimit` seconds (it keeps retrying its connections and
    /// never says why) and `url` is given, one direct connection is tried to learn the reason —
    /// a wrong password (28P01), a missing database (3D000), TLS refused — and that is what
    /// the check reports (``DatabaseError`` says what, where and how to fix it).
    public static func postgres(_ client: PostgresClient, url: DatabaseURL? = nil, poolLimit: Duration = .seconds(1)) -> ReadinessCheck {
        ReadinessCheck(name: "postgres") {
            do {
                try await withTimeout(poolLimit, "SELECT 1 on the connection pool") {
                    let rows = try await client.query("SELECT 1")
                    for try await _ in rows {}
                }
                return nil
            } catch {
                guard let url else { throw error }
                let session = try await DatabaseSession.connect(to: url, applicationName: "ers-readiness", logger: Logger(label: "ers.readiness"))
                await session.close()
                throw error // the server takes connections now: the pool's own failure stands
            }
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
