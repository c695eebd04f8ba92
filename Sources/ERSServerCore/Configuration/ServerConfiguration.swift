public import ERSDatabase
public import ERSRedis
public import Logging

/// What every `ers-server` role reads from its environment:
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `HTTP_HOST`, `HTTP_PORT` | listener | `127.0.0.1`, `8080` |
/// | `LOG_LEVEL` | `trace` … `critical` | `info` |
/// | `DATABASE_URL` | `postgres://user@host:5432/db?sslmode=…` (libpq URI) | none |
/// | `DATABASE_PASSWORD`, `DATABASE_PASSWORD_FILE` | its password | none |
/// | `REDIS_URL` | `redis://user@host:6379/0` or `rediss://…` | none |
/// | `REDIS_PASSWORD`, `REDIS_PASSWORD_FILE` | its password | none |
/// | `SHUTDOWN_GRACE_SECONDS` | how long in-flight requests may finish after SIGTERM | `20` |
public struct ServerConfiguration: Sendable {
    /// Address to listen on.
    public var httpHost: String
    /// Port to listen on (0: any free port, for tests).
    public var httpPort: Int
    /// Lowest level logged.
    public var logLevel: Logger.Level
    /// PostgreSQL, when configured.
    public var database: DatabaseURL?
    /// Redis, when configured.
    public var redis: RedisURL?
    /// Time in-flight requests get after SIGTERM before the process cancels them.
    public var shutdownGracePeriod: Duration
    /// Limit for each readiness check.
    public var readinessTimeout: Duration

    /// A configuration from parts (tests, embedding).
    public init(httpHost: String = "127.0.0.1", httpPort: Int = 8080, logLevel: Logger.Level = .info, database: DatabaseURL? = nil,
                redis: RedisURL? = nil, shutdownGracePeriod: Duration = .seconds(20), readinessTimeout: Duration = .seconds(2)) {
        self.httpHost = httpHost
        self.httpPort = httpPort
        self.logLevel = logLevel
        self.database = database
        self.redis = redis
        self.shutdownGracePeriod = shutdownGracePeriod
        self.readinessTimeout = readinessTimeout
    }

    /// Reads the table above from `environment`.
    /// - Throws: ``ConfigurationError`` naming the first variable that is wrong. (Untyped
    ///   `throws`: with typed throws, Swift 6.3 miscompiles copying the larger `DatabaseURL`
    ///   out of this initializer — a crash in `swift_retain`.)
    public init(environment: ServerEnvironment) throws {
        self.init()
        httpHost = environment.string("HTTP_HOST") ?? "127.0.0.1"
        httpPort = try environment.integer("HTTP_PORT", default: 8080, range: 0...65535)
        if let level = environment.string("LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError("LOG_LEVEL", "'\(level)' is not a level; use trace, debug, info, notice, warning, error or critical")
            }
            logLevel = parsed
        }
        shutdownGracePeriod = .seconds(try environment.integer("SHUTDOWN_GRACE_SECONDS", default: 20, range: 0...3600))
        database = try Self.database(environment)
        redis = try Self.redis(environment)
    }

    private static func database(_ environment: ServerEnvironment) throws -> DatabaseURL? {
        let secret = try environment.secret("DATABASE_PASSWORD")
        guard let text = environment.string("DATABASE_URL") else {
            if secret != nil { throw ConfigurationError("DATABASE_URL", "a database password is set but DATABASE_URL is not; set DATABASE_URL=postgres://user@host:5432/db?sslmode=require") }
            return nil
        }
        do {
            var url = try DatabaseURL(parsing: text)
            if let secret {
                guard url.password == nil else {
                    throw ConfigurationError("DATABASE_URL", "holds a password and \(secret.source) gives one too; keep only the file")
                }
                url.password = secret.value
            }
            return url
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError("DATABASE_URL", "\(error)")
        }
    }

    private static func redis(_ environment: ServerEnvironment) throws -> RedisURL? {
        let secret = try environment.secret("REDIS_PASSWORD")
        guard let text = environment.string("REDIS_URL") else {
            if secret != nil { throw ConfigurationError("REDIS_URL", "a Redis password is set but REDIS_URL is not; set REDIS_URL=redis://user@host:6379/0") }
            return nil
        }
        do {
            var url = try RedisURL(parsing: text)
            if let secret {
                guard url.password == nil else {
                    throw ConfigurationError("REDIS_URL", "holds a password and \(secret.source) gives one too; keep only the file")
                }
                url.password = secret.value
            }
            return url
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError("REDIS_URL", "\(error)")
        }
    }
}
