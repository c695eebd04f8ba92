import ArgumentParser
import ERSAuth
import ERSServerCore
import Logging

/// `ers-server auth`: the authentication service.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Run the auth service: login, logout and verify (for nginx auth_request).",
        discussion: """
            Refuses to start without a strong signing key (JWT_SECRET or JWT_SECRET_FILE: at least 32 random bytes for \
            HS256, or a P-256 private key PEM for ES256) and without DATABASE_URL. Without REDIS_URL, sessions and login \
            counters are kept in memory: run one replica only (/ready says so).
            """
    )

    func run() async throws {
        let environment = ServerEnvironment()
        let server: ServerConfiguration
        let auth: AuthConfiguration
        do {
            server = try ServerConfiguration(environment: environment)
            auth = try AuthConfiguration(environment: environment)
        } catch {
            printError("\(error)")
            throw ExitCodes.configuration
        }
        LoggingSetup.bootstrap(level: server.logLevel)
        var logger = Logger(label: "ers.auth")
        logger.logLevel = server.logLevel
        let runtime: ServerRuntime
        let service: AuthService
        do {
            runtime = try ServerRuntime(configuration: server, logger: logger)
            service = try await AuthService(configuration: auth, runtime: runtime)
        } catch {
            printError("\(error)")
            throw ExitCodes.configuration
        }
        logger.info("auth starting", metadata: [
            "jwt.algorithm": "\(auth.signingKey.algorithm.rawValue)", "jwt.kid": "\(auth.signingKey.keyID)",
            "database": "\(server.database.map { "\($0)" } ?? "none")", "redis": "\(server.redis.map { "\($0)" } ?? "none (in memory)")",
        ])
        let group = runtime.makeServiceGroup(router: service.makeRouter(runtime: runtime))
        try await group.run()
    }
}
