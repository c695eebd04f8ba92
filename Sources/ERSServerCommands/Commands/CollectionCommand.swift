import ArgumentParser
import ERSCollection
import ERSServerCore
import Logging

/// `ers-server collection`: the collection API (hosts, collections, reports, audit log).
struct CollectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collection",
        abstract: "Run the collection API: hosts, collections, reports and the audit log under /api/v1.",
        discussion: """
            Every /api/v1 route needs a bearer token issued by `ers-server auth`, verified here with the same \
            JWT_SECRET[_FILE], JWT_ISSUER and JWT_AUDIENCE and the session in Redis (roles: viewer reads, operator \
            starts collections, admin manages hosts and reads the audit log; admin ⊇ operator ⊇ viewer). Needs \
            DATABASE_URL and REDIS_URL. LATEST_REPORT_CACHE_TTL_SECONDS (default 3600), STORE_TIMEOUT_SECONDS (default 3), JOB_MAX_ATTEMPTS (attempts per job of a collection started here, default 5).
            """
    )

    func run() async throws {
        let environment = ServerEnvironment()
        let server: ServerConfiguration
        let collection: CollectionConfiguration
        do {
            server = try ServerConfiguration(environment: environment)
            collection = try CollectionConfiguration(environment: environment)
        } catch {
            printError("\(error)")
            throw ExitCodes.configuration
        }
        LoggingSetup.bootstrap(level: server.logLevel)
        var logger = Logger(label: "ers.collection")
        logger.logLevel = server.logLevel
        let runtime: ServerRuntime
        let service: CollectionService
        do {
            runtime = try ServerRuntime(configuration: server, logger: logger)
            service = try await CollectionService(configuration: collection, runtime: runtime)
        } catch {
            printError("\(error)")
            throw ExitCodes.configuration
        }
        logger.info("collection starting", metadata: [
            "jwt.algorithm": "\(collection.auth.signingKey.algorithm.rawValue)", "jwt.kid": "\(collection.auth.signingKey.keyID)",
            "database": "\(server.database.map { "\($0)" } ?? "none")", "redis": "\(server.redis.map { "\($0)" } ?? "none")",
        ])
        let group = runtime.makeServiceGroup(router: service.makeRouter(runtime: runtime))
        try await group.run()
    }
}
