import ERSAuth
import ERSDatabase
import ERSServerCore
import Logging

/// Runs `body` with a ``UserAdministration`` on the database (and Redis, to end sessions) of
/// the environment, the PostgreSQL pool running around it.
func withUserAdministration<T: Sendable>(_ body: @escaping @Sendable (UserAdministration) async throws -> T) async throws -> T {
    let environment = ServerEnvironment()
    let server: ServerConfiguration
    let cost: Int
    do {
        server = try ServerConfiguration(environment: environment)
        cost = try environment.integer("BCRYPT_COST", default: 12, range: AuthConfiguration.minimumBcryptCost...16)
    } catch {
        printError("\(error)")
        throw ExitCodes.configuration
    }
    var logger = Logger(label: "ers.users")
    logger.logLevel = .warning
    let runtime: ServerRuntime
    do {
        runtime = try ServerRuntime(configuration: server, logger: logger)
    } catch {
        printError("\(error)")
        throw ExitCodes.configuration
    }
    guard let postgres = runtime.postgres else {
        printError("configuration: DATABASE_URL: users live in PostgreSQL; set DATABASE_URL (and DATABASE_PASSWORD_FILE)")
        throw ExitCodes.configuration
    }
    // One connection first, on its own: the pool retries a refused login (wrong password, no
    // such database, no TLS) silently until the deadline, so without this the command waited
    // 30 s and then blamed the migrations; the server's own reason is what the operator needs.
    if let url = server.database {
        let probeLogger = logger
        do {
            let session = try await withTimeout(.seconds(30), "connecting to PostgreSQL") {
                try await DatabaseSession.connect(to: url, applicationName: "ers-server users", logger: probeLogger)
            }
            await session.close()
        } catch {
            printError("\(describe(error))")
            throw ExitCodes.unavailable
        }
    }
    let administration = UserAdministration(
        users: UserStore(client: postgres, logger: logger), audit: AuditLog(client: postgres, logger: logger),
        hasher: await PasswordHasher(cost: cost), sessions: runtime.redis.map { RedisSessionStore(redis: $0) })
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await postgres.run() }
        defer { group.cancelAll() }
        do {
            return try await withTimeout(.seconds(30), "the users command") { try await body(administration) }
        } catch let error as UserAdministrationError {
            printError(error.description)
            throw ExitCodes.usage
        } catch {
            printError("\(describe(error)); check DATABASE_URL, that the migrations are applied (`ersctl migrate`: sql/0100_create_users.sql) and that audit_logs has a partition for this month (`ersctl partitions maintain`)")
            throw ExitCodes.unavailable
        }
    }
}
