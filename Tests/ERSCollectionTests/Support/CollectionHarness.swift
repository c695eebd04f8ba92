import ERSAuth
import ERSCollection
import ERSDatabase
import ERSJobs
import ERSRedis
import ERSServerCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import Testing

/// The collection service on a database of the test's own and a Redis (the shared test Redis,
/// or one the test controls), driven through HummingbirdTesting's router client. Tokens are
/// issued with the service's key and get a session in that Redis, exactly as `ers-server auth`
/// makes them.
struct CollectionHarness: Sendable {
    let database: TestDatabase
    let runtime: ServerRuntime
    let service: CollectionService
    let tokens: TokenService
    let sessions: RedisSessionStore
    let client: any TestClientProtocol

    /// Runs `body` with a fresh service; reports (and returns) when the test services are missing.
    /// `testing: .live` serves on a loopback port of its own, so requests have a peer address
    /// (the router client gives none).
    static func run(redis: RedisURL? = nil, testing: TestingSetup = .router, sourceLocation: SourceLocation = #_sourceLocation,
                    _ body: @escaping @Sendable (CollectionHarness) async throws -> Void) async throws {
        guard let base = TestServices.database(sourceLocation: sourceLocation) else { return }
        let redisURL: RedisURL
        if let redis {
            redisURL = redis
        } else {
            guard let shared = TestServices.redis(sourceLocation: sourceLocation) else { return }
            redisURL = shared
        }
        let database = try await TestDatabase.create(on: base)
        do {
            var logger = Logger(label: "ers.collection.test")
            logger.logLevel = .info
            let server = ServerConfiguration(httpPort: 0, logLevel: .info, database: database.url, redis: redisURL,
                                             shutdownGracePeriod: .seconds(5), readinessTimeout: .seconds(2))
            let runtime = try ServerRuntime(configuration: server, logger: logger)
            let key = try SigningKey(text: Data((0..<48).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString(), source: "test")
            let configuration = CollectionConfiguration(auth: AuthConfiguration(signingKey: key), latestReportTTL: .seconds(600),
                                                        storeTimeout: .seconds(3))
            let service = try await CollectionService(configuration: configuration, runtime: runtime)
            let tokens = await TokenService(key: key, issuer: "ers", audience: "ers", lifetime: .seconds(900))
            guard let postgres = runtime.postgres, let redisClient = runtime.redis else { throw TestDatabase.SetupFailed(description: "no pools") }
            let app = Application(router: service.makeRouter(runtime: runtime),
                                  configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await postgres.run() }
                defer { group.cancelAll() }
                try await app.test(testing) { client in
                    try await body(CollectionHarness(database: database, runtime: runtime, service: service, tokens: tokens,
                                                     sessions: RedisSessionStore(redis: redisClient), client: client))
                }
            }
            await redisClient.pool.close()
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }

    /// A valid token of `user` with `roles` (and its session in Redis).
    func token(_ user: String = "user-\(UUID().uuidString.prefix(6).lowercased())", roles: [String]) async throws -> String {
        let issued = try await tokens.issue(username: user, roles: roles)
        try await sessions.create(jti: issued.jti, session: Session(username: user, roles: roles, expiresAt: issued.expiresAt), lifetime: .seconds(900))
        return issued.token
    }

    /// A response with its body parsed.
    struct Reply: Sendable {
        var status: Int
        var headers: HTTPFields
        var body: String
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
        var error: String? { json?["error"] as? String }
        var detail: String { (json?["detail"] as? String) ?? body }
    }

    /// Sends a request with `token` (none when nil) and a JSON `body`.
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String?, json: Any? = nil, headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var buffer: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed]))
        }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: buffer)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: response.body))
    }

    /// Inserts a report created at `created` and returns its `id`.
    func insertReport(host: String, type: String = "system", created: DatabaseTimestamp, data: String = #"{"ok": true}"#) async throws -> Int64 {
        try await database.run { client in
            let rows = try await client.query("""
                INSERT INTO reports (hostname, report_type, data, created_at) VALUES (\(host), \(type), \(data)::jsonb, \(created)) RETURNING id
                """)
            for try await (id,) in rows.decode((Int64,).self) { return id }
            throw TestDatabase.SetupFailed(description: "no id returned")
        }
    }

    /// Rows of `sql` (one text column).
    func texts(_ sql: String) async throws -> [String] {
        try await database.run { client in
            var texts: [String] = []
            for try await (text,) in try await client.query(PostgresQuery(unsafeSQL: sql)).decode((String?,).self) { texts.append(text ?? "NULL") }
            return texts
        }
    }
}
