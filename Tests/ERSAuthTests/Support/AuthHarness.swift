import ERSAuth
import ERSDatabase
import ERSRedis
import ERSServerCore
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// The auth service running in the test process against its own database (and the test
/// Redis, or none), with every log line captured for the secret scan.
final class AuthHarness: Sendable {
    let database: TestDatabase
    let runtime: ServerRuntime
    let service: AuthService
    let server: LiveServer
    let logs: NIOLockedValueBox<[String]>
    let administration: UserAdministration
    let configuration: AuthConfiguration

    /// A fresh random HS256 secret (48 random bytes, base64).
    static func randomSecret() -> String {
        Data((0..<48).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()
    }

    static func defaultConfiguration() throws -> AuthConfiguration {
        // Every test logs in from 127.0.0.1 against one shared Redis: the per-address limit is
        // lifted here and tested with its own addresses in ThrottlingTests.
        AuthConfiguration(signingKey: try SigningKey(text: randomSecret(), source: "test"),
                          throttle: ThrottlePolicy(maximumAttemptsPerUser: 5, maximumAttemptsPerAddress: 1_000_000))
    }

    /// Starts the service; nil (after reporting) when the test services are missing.
    /// - Parameter redis: the Redis to use: `.shared` (the test Redis), `.none` (in memory), or a URL.
    static func start(redis: RedisChoice = .shared, configuration: AuthConfiguration? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) async throws -> AuthHarness? {
        guard let base = TestServices.database(sourceLocation: sourceLocation) else { return nil }
        let redisURL: RedisURL?
        switch redis {
        case .shared:
            guard let url = TestServices.redis(sourceLocation: sourceLocation) else { return nil }
            redisURL = url
        case .none:
            redisURL = nil
        case .url(let url):
            redisURL = url
        }
        let database = try await TestDatabase.create(on: base)
        let logs = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "ers.auth") { label in
            JSONLogHandler(label: label, level: .debug) { line in logs.withLockedValue { $0.append(line) } }
        }
        logger.logLevel = .debug
        let serverConfiguration = ServerConfiguration(httpPort: 0, logLevel: .debug, database: database.url, redis: redisURL,
                                                      shutdownGracePeriod: .seconds(5), readinessTimeout: .seconds(1))
        let runtime = try ServerRuntime(configuration: serverConfiguration, logger: logger)
        let configuration = try configuration ?? defaultConfiguration()
        let service = try await AuthService(configuration: configuration, runtime: runtime, storeTimeout: .seconds(2))
        let server = try await LiveServer.start(runtime: runtime, router: service.makeRouter(runtime: runtime))
        let administration = UserAdministration(users: service.users, audit: service.audit, hasher: service.hasher, sessions: service.sessions)
        return AuthHarness(database: database, runtime: runtime, service: service, server: server, logs: logs,
                           administration: administration, configuration: configuration)
    }

    enum RedisChoice {
        case shared, none
        case url(RedisURL)
    }

    private init(database: TestDatabase, runtime: ServerRuntime, service: AuthService, server: LiveServer, logs: NIOLockedValueBox<[String]>,
                 administration: UserAdministration, configuration: AuthConfiguration) {
        self.database = database
        self.runtime = runtime
        self.service = service
        self.server = server
        self.logs = logs
        self.administration = administration
        self.configuration = configuration
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(server.port)\(path)" }

    /// A user name no other test uses.
    static func uniqueName(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())" }

    func login(_ username: String, _ password: String, headers: [(String, String)] = []) async throws -> RawHTTP.Response {
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["username": username, "password": password]), as: UTF8.self)
        return try await RawHTTP.send("POST", url("/auth/login"), headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    func verify(_ authorization: String?) async throws -> RawHTTP.Response {
        try await RawHTTP.send("GET", url("/auth/verify"), headers: authorization.map { [("Authorization", $0)] } ?? [])
    }

    func logout(_ token: String) async throws -> RawHTTP.Response {
        try await RawHTTP.send("POST", url("/auth/logout"), headers: [("Authorization", "Bearer \(token)")])
    }

    /// Logs in and returns the access token.
    func token(_ username: String, _ password: String) async throws -> String {
        let response = try await login(username, password)
        guard response.status == 200, let token = response.json?["access_token"] as? String else {
            throw RawHTTP.Failure(description: "login failed: \(response.status) \(response.body)")
        }
        return token
    }

    /// Fails the test when any log line or audit row contains one of `secrets`.
    func expectNoSecretsInLogsOrAudit(_ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let lines = logs.withLockedValue { $0 }
        let rows = try await database.auditRows()
        #expect(!lines.isEmpty, sourceLocation: sourceLocation)
        for secret in secrets where !secret.isEmpty {
            for line in lines where line.contains(secret) {
                Issue.record("a log line contains a secret: \(line.prefix(300))", sourceLocation: sourceLocation)
            }
            for row in rows where row.contains(secret) {
                Issue.record("an audit row contains a secret: \(row.prefix(300))", sourceLocation: sourceLocation)
            }
        }
    }

    func stop() async {
        await server.stop()
        await database.drop()
    }
}
