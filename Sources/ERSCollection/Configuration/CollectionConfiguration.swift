public import ERSAuth
public import ERSServerCore

/// The collection API's settings, read from the environment. Tokens are verified with the
/// auth service's settings (``AuthConfiguration``: `JWT_SECRET`/`JWT_SECRET_FILE`, `JWT_ISSUER`,
/// `JWT_AUDIENCE`, `JWT_LIFETIME_SECONDS`), so both services must get the same values; plus:
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `LATEST_REPORT_CACHE_TTL_SECONDS` | lifetime of a cached latest report in Redis, 1…86400 | `3600` |
/// | `STORE_TIMEOUT_SECONDS` | limit for each PostgreSQL or Redis operation of a request, 1…60 | `3` |
/// | `JOB_MAX_ATTEMPTS` | `jobs.max_attempts` of the collections started with `POST /api/v1/collections`, 1…100 (as the scheduler's) | `5` |
public struct CollectionConfiguration: Sendable {
    /// Token verification settings (the auth service's).
    public var auth: AuthConfiguration
    /// How long a cached latest report lives without a refresh.
    public var latestReportTTL: Duration
    /// Limit for each datastore operation inside a request; past it the answer is 503.
    public var storeTimeout: Duration
    /// Attempts each job of an API-started collection gets (`jobs.max_attempts`).
    public var maxAttempts: Int

    /// A configuration from parts (tests).
    public init(auth: AuthConfiguration, latestReportTTL: Duration = .seconds(3600), storeTimeout: Duration = .seconds(3), maxAttempts: Int = 5) {
        self.auth = auth
        self.latestReportTTL = latestReportTTL
        self.storeTimeout = storeTimeout
        self.maxAttempts = maxAttempts
    }

    /// Reads the table above and the auth service's JWT settings.
    /// - Throws: ``ConfigurationProblem`` naming the variable and what to set.
    public init(environment: ServerEnvironment) throws {
        auth = try AuthConfiguration(environment: environment)
        latestReportTTL = .seconds(try environment.integer("LATEST_REPORT_CACHE_TTL_SECONDS", default: 3600, range: 1...86_400))
        storeTimeout = .seconds(try environment.integer("STORE_TIMEOUT_SECONDS", default: 3, range: 1...60))
        maxAttempts = try environment.integer("JOB_MAX_ATTEMPTS", default: 5, range: 1...100)
    }
}
