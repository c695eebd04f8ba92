import ERSAuth
public import ERSJobs
public import ERSServerCore
public import Logging
import PostgresNIO

/// The parts of the collection role, wired on a ``ServerRuntime``'s pools: token checks (the
/// auth service's keys and Redis sessions), hosts, collections, reports with the latest-report
/// cache, and the audit log.
public struct CollectionService: Sendable {
    /// Settings.
    public let configuration: CollectionConfiguration
    /// The `hosts` table.
    public let hosts: HostStore
    /// The `reports` table.
    public let reports: ReportQuery
    /// Latest report per host and type, in Redis.
    public let latestReports: LatestReportCache
    /// Starts collections and reports their status (the job queue).
    public let collections: CollectionQueue
    /// The role's logger.
    public let logger: Logger
    let access: AccessControl
    let audit: AuditLog
    let auditQuery: AuditQuery
    let addresses: ClientAddressResolver
    let postgres: PostgresClient

    /// Wires the service on `runtime`'s pools.
    /// - Throws: ``ConfigurationError`` when `DATABASE_URL` or `REDIS_URL` is not set: hosts
    ///   and reports live in PostgreSQL; sessions (shared with the auth service) and the
    ///   latest-report cache live in Redis.
    public init(configuration: CollectionConfiguration, runtime: ServerRuntime) async throws {
        guard let postgres = runtime.postgres else {
            throw ConfigurationError("DATABASE_URL", "the collection service keeps hosts and reads reports in PostgreSQL; set DATABASE_URL=postgres://user@host:5432/db?sslmode=require and DATABASE_PASSWORD_FILE")
        }
        guard let redis = runtime.redis else {
            throw ConfigurationError("REDIS_URL", "the collection service checks sessions (shared with the auth service) and caches latest reports in Redis; set REDIS_URL=redis://host:6379 (rediss:// for TLS) and REDIS_PASSWORD_FILE")
        }
        self.configuration = configuration
        let tokens = await TokenService(key: configuration.auth.signingKey, issuer: configuration.auth.issuer,
                                        audience: configuration.auth.audience, lifetime: configuration.auth.tokenLifetime)
        access = AccessControl(authenticator: BearerAuthenticator(tokens: tokens, sessions: RedisSessionStore(redis: redis)))
        hosts = HostStore(client: postgres, logger: runtime.logger)
        reports = ReportQuery(client: postgres, logger: runtime.logger)
        latestReports = LatestReportCache(redis: redis, reports: reports, ttl: configuration.latestReportTTL, logger: runtime.logger)
        collections = CollectionQueue(client: postgres, maxAttempts: configuration.maxAttempts, logger: runtime.logger)
        audit = AuditLog(client: postgres, logger: runtime.logger)
        auditQuery = AuditQuery(client: postgres, logger: runtime.logger)
        addresses = ClientAddressResolver(trustedProxies: configuration.auth.trustedProxies)
        logger = runtime.logger
        self.postgres = postgres
    }

    /// The readiness checks: PostgreSQL and Redis.
    public func readinessChecks(runtime: ServerRuntime) -> [ReadinessCheck] {
        runtime.datastoreChecks
    }
}
