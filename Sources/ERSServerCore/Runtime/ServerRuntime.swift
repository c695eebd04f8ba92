public import ERSRedis
public import Hummingbird
public import Logging
public import PostgresNIO
public import Prometheus
public import ServiceLifecycle

/// What every `ers-server` role runs on: the configuration, a logger, a Prometheus registry,
/// the PostgreSQL and Redis pools (when configured), and the HTTP server with `/health`,
/// `/ready`, `/metrics`, request ids and request metrics.
///
/// ``makeServiceGroup(router:gracefulShutdownSignals:onServerRunning:)`` runs the pools and
/// the server under swift-service-lifecycle: on SIGTERM or SIGINT the server stops accepting
/// connections, lets in-flight requests finish for at most
/// ``ServerConfiguration/shutdownGracePeriod`` (then cancels them), and the pools close last.
public final class ServerRuntime: Sendable {
    /// The settings.
    public let configuration: ServerConfiguration
    /// The role's logger.
    public let logger: Logger
    /// Metrics served on `/metrics`.
    public let metrics: PrometheusCollectorRegistry
    /// The PostgreSQL pool, when `DATABASE_URL` is set.
    public let postgres: PostgresClient?
    /// The Redis client, when `REDIS_URL` is set.
    public let redis: RedisClient?

    /// Builds the pools (no connection is opened before the group runs).
    /// - Throws: ``ConfigurationError`` when the database's TLS settings cannot be loaded,
    ///   or the Redis TLS context cannot be built.
    public init(configuration: ServerConfiguration, logger: Logger, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) throws {
        self.configuration = configuration
        self.logger = logger
        self.metrics = metrics
        if let database = configuration.database {
            var clientConfiguration: PostgresClient.Configuration
            do {
                clientConfiguration = try database.clientConfiguration()
            } catch {
                throw ConfigurationError("DATABASE_URL", "TLS set-up for sslmode=\(database.sslMode.rawValue) failed (\(error)); check sslrootcert")
            }
            clientConfiguration.options.connectTimeout = .seconds(3)
            clientConfiguration.options.maximumConnections = 16
            postgres = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
        } else {
            postgres = nil
        }
        if let url = configuration.redis {
            do {
                redis = RedisClient(pool: try RedisConnectionPool(url: url, configuration: .init(maximumConnections: 4), logger: logger))
            } catch {
                throw ConfigurationError("REDIS_URL", "\(error)")
            }
        } else {
            redis = nil
        }
    }

    /// The readiness checks of the configured datastores.
    public var datastoreChecks: [ReadinessCheck] {
        var checks: [ReadinessCheck] = []
        if let postgres { checks.append(.postgres(postgres, url: configuration.database)) }
        if let redis { checks.append(.redis(redis)) }
        return checks
    }

    /// A router with the shared middleware (request ids, metrics) and routes (`/health`,
    /// `/ready` with `checks`, `/metrics`); add the role's routes to it.
    public func makeRouter(checks: [ReadinessCheck]) -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: HTTPMetricsMiddleware(registry: metrics))
        router.addHealthRoutes(checks: checks, timeout: configuration.readinessTimeout)
        let registry = metrics
        let pool = redis?.pool
        router.addMetricsRoute(registry: registry) {
            guard let pool else { return }
            let figures = pool.statistics
            let help = "Redis pool connections by state."
            for (state, value) in [("open", figures.open), ("connecting", figures.connecting)] {
                registry.makeGauge(descriptor: MetricNameDescriptor(metricName: "redis_pool_connections", unitName: "", helpText: help),
                                   labels: [("state", state)]).set(Double(value))
            }
        }
        return router
    }

    /// The server and the pools as one service group.
    /// - Parameters:
    ///   - router: the role's router (from ``makeRouter(checks:)``).
    ///   - handlesSignals: whether SIGTERM and SIGINT start a graceful shutdown (tests pass
    ///     false and call `triggerGracefulShutdown()`).
    ///   - onServerRunning: called with the bound port once the server listens.
    ///   - roleServices: the role's own long-running services (a worker loop, a scheduler):
    ///     started after the pools and before the HTTP server; on shutdown they stop after the
    ///     server and before the pools (service-lifecycle stops services in reverse order), so
    ///     they can still use the database while they drain.
    public func makeServiceGroup(router: Router<ServerRequestContext>, handlesSignals: Bool = true,
                                 roleServices: [ServiceGroupConfiguration.ServiceConfiguration] = [],
                                 onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> ServiceGroup {
        let logger = self.logger
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.httpHost, port: configuration.httpPort), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("listening", metadata: ["http.host": "\(self.configuration.httpHost)", "http.port": "\(port)"])
                await onServerRunning(port)
            },
            logger: logger
        )
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let postgres { services.append(.init(service: postgres, serviceName: "postgres")) }
        if let redis { services.append(.init(service: RedisPoolService(pool: redis.pool), serviceName: "redis")) }
        services += roleServices
        services.append(.init(service: app, successTerminationBehavior: .gracefullyShutdownGroup, serviceName: "http"))
        var groupConfiguration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: handlesSignals ? [.sigterm, .sigint] : [],
                                                           cancellationSignals: [], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownGracePeriod
        return ServiceGroup(configuration: groupConfiguration)
    }
}
