public import ERSServerCore
public import Logging

/// The parts of the auth role, wired together: tokens, sessions, throttling, users, password
/// checks, the audit log and the client-address rule.
public struct AuthService: Sendable {
    /// Settings.
    public let configuration: AuthConfiguration
    /// Issues and verifies tokens.
    public let tokens: TokenService
    /// Sessions (Redis, or memory for one replica).
    public let sessions: any SessionStore
    /// Login attempt counters.
    public let throttle: any LoginThrottle
    /// The `users` table.
    public let users: UserStore
    /// bcrypt.
    public let hasher: PasswordHasher
    /// `audit_logs`.
    public let audit: AuditLog
    /// Which address a request comes from.
    public let addresses: ClientAddressResolver
    /// Whether sessions live in this process only.
    public let sessionsInMemory: Bool
    /// The role's logger.
    public let logger: Logger
    /// Limit for each PostgreSQL or Redis operation inside a request.
    public let storeTimeout: Duration
    /// Outcome counters.
    public let metrics: AuthMetrics

    /// Wires the service on `runtime`'s pools.
    /// - Throws: ``ConfigurationProblem`` when `DATABASE_URL` is not set (users live in PostgreSQL).
    public init(configuration: AuthConfiguration, runtime: ServerRuntime, storeTimeout: Duration = .seconds(3)) async throws {
        guard let postgres = runtime.postgres else {
            throw ConfigurationProblem(variable: "DATABASE_URL", problem: "the auth service keeps users in PostgreSQL; set DATABASE_URL=postgres://user@host:5432/db?sslmode=require and DATABASE_PASSWORD_FILE")
        }
        self.configuration = configuration
        tokens = await TokenService(key: configuration.signingKey, issuer: configuration.issuer, audience: configuration.audience,
                                    lifetime: configuration.tokenLifetime)
        if let redis = runtime.redis {
            sessions = RedisSessionStore(redis: redis)
            throttle = RedisLoginThrottle(redis: redis, policy: configuration.throttle)
            sessionsInMemory = false
        } else {
            sessions = InMemorySessionStore()
            throttle = InMemoryLoginThrottle(policy: configuration.throttle)
            sessionsInMemory = true
            runtime.logger.warning("REDIS_URL is not set: sessions and login counters are kept in memory; run exactly one replica")
        }
        users = UserStore(client: postgres, logger: runtime.logger)
        hasher = await PasswordHasher(cost: configuration.bcryptCost)
        audit = AuditLog(client: postgres, logger: runtime.logger)
        addresses = ClientAddressResolver(trustedProxies: configuration.trustedProxies)
        logger = runtime.logger
        self.storeTimeout = storeTimeout
        metrics = AuthMetrics(registry: runtime.metrics)
    }

    /// The readiness checks of the auth role: the datastores, plus a note when sessions are
    /// in memory.
    public func readinessChecks(runtime: ServerRuntime) -> [ReadinessCheck] {
        var checks = runtime.datastoreChecks
        if sessionsInMemory {
            checks.append(.note("sessions", "in memory (REDIS_URL unset): safe for one replica only; sessions end when the process restarts"))
        }
        return checks
    }

    /// Records `event`, logging (not throwing) a failure.
    func recordQuietly(_ event: AuditEvent) async {
        do {
            let audit = self.audit
            try await withTimeout(storeTimeout, "writing the audit row") { try await audit.record(event) }
        } catch {
            logger.error("audit row not written", metadata: ["audit.action": "\(event.action.rawValue)", "error": "\(error)"])
        }
    }
}
