import ERSRedis
import ServiceLifecycle

/// Keeps a Redis pool for the lifetime of a service group and closes it on shutdown (after
/// the HTTP server has drained, since the group stops services in reverse order).
struct RedisPoolService: Service {
    let pool: RedisConnectionPool

    func run() async throws {
        try? await gracefulShutdown()
        await pool.close()
    }
}
