import ERSRedis
import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing

@Suite("Redis client against redis-server")
struct RedisClientTests {
    let logger = Logger(label: "test.redis")

    func client(_ url: RedisURL, _ configuration: RedisPoolConfiguration = .init()) throws -> RedisClient {
        RedisClient(pool: try RedisConnectionPool(url: url, configuration: configuration, logger: logger))
    }

    @Test func commandsWithTheDefaultUserAndTheACLUser() async throws {
        guard let defaultURL = TestRedis.defaultUser(), let aclURL = TestRedis.aclUser() else { return }
        for url in [defaultURL, aclURL] {
            let redis = try client(url)
            try await redis.ping()
            let key = TestRedis.key("basic")
            #expect(try await redis.get(key) == nil)
            try await redis.set(key, to: "välue", expiresIn: .seconds(30))
            #expect(try await redis.get(key) == "välue")
            let ttl = try #require(try await redis.timeToLive(key))
            #expect(ttl > .seconds(25) && ttl <= .seconds(30))
            #expect(try await redis.exists(key))
            #expect(try await redis.delete([key, key + ":none"]) == 1)
            #expect(try await redis.exists(key) == false)
            let window = TestRedis.key("window")
            #expect(try await redis.incrementWindow(window, window: .seconds(60)).count == 1)
            let second = try await redis.incrementWindow(window, window: .seconds(60))
            #expect(second.count == 2 && second.remaining <= .seconds(60) && second.remaining > .seconds(50))
            try await redis.delete([window])
            await redis.pool.close()
        }
    }

    @Test func wrongPasswordAndNoServerAreClearErrors() async throws {
        guard var url = TestRedis.aclUser() else { return }
        url.password = "definitely-wrong-password"
        let redis = try client(url)
        let refused = await #expect(throws: RedisError.self) { try await redis.ping() }
        #expect("\(String(describing: refused))".contains("refused the credentials of user 'ers'"))
        #expect(!"\(String(describing: refused))".contains("definitely-wrong-password"))
        let nothing = try client(RedisURL(host: "127.0.0.1", port: try FreePort.find()), .init(connectTimeout: .milliseconds(500)))
        let failed = await #expect(throws: RedisError.self) { try await nothing.ping() }
        #expect("\(String(describing: failed))".contains("cannot connect to 127.0.0.1"))
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        // A TCP listener that accepts and never replies.
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        defer { server.close(promise: nil) }
        let port = try #require(server.localAddress?.port)
        let redis = try client(RedisURL(host: "127.0.0.1", port: port), .init(commandTimeout: .milliseconds(300)))
        let start = ContinuousClock.now
        let error = await #expect(throws: RedisError.self) { try await redis.ping() }
        // Bounded by the 300 ms timeout, not by anything else (generous: the test may share the CPUs).
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect("\(String(describing: error))".contains("no reply to PING from 127.0.0.1:\(port) within 0.3 seconds"))
    }

    @Test func thePoolBoundsConnectionsUnderConcurrency() async throws {
        guard let url = TestRedis.aclUser() else { return }
        let redis = try client(url, .init(maximumConnections: 3))
        let key = TestRedis.key("concurrent")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<300 {
                group.addTask { _ = try await redis.incrementWindow(key, window: .seconds(30)) }
            }
            try await group.waitForAll()
        }
        #expect(try await redis.get(key) == "300")
        let figures = redis.pool.statistics
        #expect(figures.open <= 3 && figures.open >= 1)
        try await redis.delete([key])
        await redis.pool.close()
        await #expect(throws: RedisError.poolClosed) { try await redis.ping() }
    }

    @Test(.timeLimit(.minutes(1))) func recoversAfterTheServerRestartsWithoutANewClient() async throws {
        guard let server = OwnRedisServer.startOrReport() else { return }
        // Timeouts generous for a loaded machine (0.5 s failed once in a full run): the stopped
        // server is refused at once anyway; recovery is what is checked.
        let redis = try client(RedisURL(host: "127.0.0.1", port: server.port, password: server.password),
                               .init(connectTimeout: .seconds(3), commandTimeout: .seconds(5)))
        try await redis.set("k", to: "before")
        server.stop()
        await #expect(throws: RedisError.self) { try await redis.get("k") }
        try server.start()
        // The restarted server is empty (no persistence); the same client works again.
        #expect(try await redis.get("k") == nil)
        try await redis.set("k", to: "after")
        #expect(try await redis.get("k") == "after")
        await redis.pool.close()
    }

    @Test(.timeLimit(.minutes(1))) func talksTLSToARedissURLAndChecksTheCertificate() async throws {
        guard let server = OwnRedisServer.startOrReport(tls: true), let tls = server.tlsDirectory else { return }
        let url = try RedisURL(parsing: "rediss://localhost:\(server.port)?sslrootcert=\(tls.path)/ca.pem")
        var withPassword = url
        withPassword.password = server.password
        let redis = try client(withPassword)
        try await redis.set("secure", to: "yes")
        #expect(try await redis.get("secure") == "yes")
        await redis.pool.close()
        // Without the CA, the self-signed chain is refused.
        var untrusted = withPassword
        untrusted.rootCertificatePath = nil
        let refused = try client(untrusted, .init(connectTimeout: .seconds(1)))
        await #expect(throws: RedisError.self) { try await refused.ping() }
        // Plain RESP to the TLS port does not pass for a Redis server either.
        let plain = try client(RedisURL(host: "127.0.0.1", port: server.port, password: server.password),
                               .init(connectTimeout: .seconds(1), commandTimeout: .seconds(1)))
        await #expect(throws: RedisError.self) { try await plain.ping() }
    }
}
