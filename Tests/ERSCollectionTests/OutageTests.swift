import ERSRedis
import Foundation
import Hummingbird
import Testing

/// A datastore that goes away gives 503 (never a crash or a hang), and the service recovers
/// by itself once it is back.
@Suite(.serialized) struct OutageTests {
    @Test func postgresDownGives503ThenRecovers() async throws {
        try await CollectionHarness.run { harness in
            let viewer = try await harness.token(roles: ["viewer"])
            #expect(try await harness.send(.get, "/api/v1/hosts", token: viewer).status == 200)
            let name = harness.database.url.database
            // As a restart looks to the pool: every connection ends, new ones are refused.
            try await harness.database.administer("ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
            try await harness.database.administer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()")
            for uri in ["/api/v1/hosts", "/api/v1/reports", "/api/v1/hosts/a.example.com/reports/latest?type=system"] {
                let reply = try await harness.send(.get, uri, token: viewer)
                #expect(reply.status == 503, "\(uri): \(reply.body)")
                #expect(reply.error == "unavailable")
                #expect(reply.headers[.retryAfter] == "1")
            }
            #expect(try await harness.send(.get, "/ready", token: nil).status == 503)
            try await harness.database.administer("ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
            var recovered = false
            for _ in 0..<60 where !recovered {
                recovered = try await harness.send(.get, "/api/v1/hosts", token: viewer).status == 200
                if !recovered { try await Task.sleep(for: .milliseconds(500)) }
            }
            #expect(recovered, "the API did not recover after PostgreSQL came back")
            #expect(try await harness.send(.get, "/ready", token: nil).status == 200)
        }
    }

    @Test func redisDownGives503ThenRecovers() async throws {
        guard let redis = OwnRedisServer.startOrReport() else { return }
        let url = RedisURL(host: "127.0.0.1", port: redis.port, password: redis.password)
        try await CollectionHarness.run(redis: url) { harness in
            let token = try await harness.token("dave", roles: ["viewer"])
            #expect(try await harness.send(.get, "/api/v1/hosts", token: token).status == 200)
            redis.stop()
            let reply = try await harness.send(.get, "/api/v1/hosts", token: token)
            #expect(reply.status == 503, "\(reply.body)")
            #expect(reply.error == "unavailable")
            #expect(try await harness.send(.get, "/ready", token: nil).status == 503)
            try redis.start()
            // Redis kept nothing (no persistence): the session is gone, so log in again.
            let fresh = try await harness.token("dave", roles: ["viewer"])
            var status = 0
            for _ in 0..<60 where status != 200 {
                status = try await harness.send(.get, "/api/v1/hosts", token: fresh).status
                if status != 200 { try await Task.sleep(for: .milliseconds(500)) }
            }
            #expect(status == 200)
        }
        redis.stop()
    }
}
