import AsyncHTTPClient
import ERSAuth
import ERSRedis
import ERSServerCore
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// What a test needs to call a running `ers-server collection`: its environment (a random
/// JWT secret, the test Redis), a token with its session in Redis (as `ers-server auth`
/// issues them), and GET requests.
struct APIClient: Sendable {
    let port: Int
    let secret: String
    let redisEnvironment: [String: String]
    let redis: RedisURL

    struct Failed: Error, CustomStringConvertible { var description: String }

    /// nil when the test Redis is not configured.
    init?() {
        let environment = EndToEnd.environment
        guard let text = environment["ERS_TEST_REDIS_URL"], let user = environment["ERS_TEST_REDIS_ACL_USER"],
              let file = environment["ERS_TEST_REDIS_ACL_PASSWORD_FILE"], var url = try? RedisURL(parsing: text, passwordFile: file),
              let components = URLComponents(string: text)
        else { return nil }
        url.user = user
        redis = url
        port = EndToEnd.freePort()
        secret = Data((0..<48).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()
        redisEnvironment = ["REDIS_URL": "redis://\(user)@\(components.host ?? "127.0.0.1"):\(components.port ?? 6379)", "REDIS_PASSWORD_FILE": file]
    }

    /// The environment of `ers-server collection` on `database`.
    func serverEnvironment(database: [String: String]) -> [String: String] {
        ["HTTP_HOST": "127.0.0.1", "HTTP_PORT": String(port), "JWT_SECRET": secret, "LOG_LEVEL": "info", "STORE_TIMEOUT_SECONDS": "3"]
            .merging(redisEnvironment) { $1 }.merging(database) { $1 }
    }

    /// A token of an `admin` user, its session stored in Redis.
    func token() async throws -> String {
        let key = try SigningKey(text: secret, source: "test")
        let tokens = await TokenService(key: key, issuer: "ers", audience: "ers", lifetime: .seconds(900))
        var logger = Logger(label: "ers-e2e-redis")
        logger.logLevel = .critical
        let runtime = try ServerRuntime(configuration: ServerConfiguration(httpPort: 0, redis: redis), logger: logger)
        guard let client = runtime.redis else { throw Failed(description: "no Redis client") }
        let issued = try await tokens.issue(username: "e2e-admin", roles: ["admin"])
        try await RedisSessionStore(redis: client).create(jti: issued.jti, session: Session(username: "e2e-admin", roles: ["admin"], expiresAt: issued.expiresAt),
                                                          lifetime: .seconds(900))
        await client.pool.close()
        return issued.token
    }

    /// `method path` with a JSON `body`: the status and the answer's JSON object (nil when no
    /// answer within 10 s).
    func send(_ method: HTTPMethod, _ path: String, token: String, json body: [String: Any]? = nil) async -> (status: Int, json: [String: Any])? {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body, let data = try? JSONSerialization.data(withJSONObject: body) {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: data))
        }
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(10)),
              let buffer = try? await response.body.collect(upTo: 16 << 20)
        else { return nil }
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any]
        return (Int(response.status.code), object ?? [:])
    }

    /// The status of `GET path` (nil when no answer within 5 s).
    func status(_ path: String, token: String? = nil) async -> Int? {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(5)) else { return nil }
        _ = try? await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }
}
