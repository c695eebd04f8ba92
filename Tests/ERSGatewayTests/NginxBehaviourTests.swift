import ERSGateway
import Foundation
import Testing

/// The rendered config, run by a real nginx in front of a fake upstream: what clients and
/// upstreams actually see.
@Suite(.enabled(if: LiveGateway.available, "needs nginx, python3 and curl"), .serialized)
struct NginxBehaviourTests {
    @Test func gatewayBehavesAsConfigured() throws {
        let gateway = try LiveGateway(spec: Fixtures.baseSpec(), renderer: Fixtures.renderer())
        defer {
            gateway.stop()
            try? FileManager.default.removeItem(at: gateway.prefix)
        }

        // Health, with the generation of the config that serves and the security headers.
        let health = try gateway.get("/healthz")
        #expect(health.status == 200)
        #expect(health.body == "ok\n")
        #expect(health.headers["x-config-generation"] == gateway.config.generation)
        #expect(health.headers["x-content-type-options"] == "nosniff")
        #expect(health.headers["server"] == "nginx")

        // A protected route without credentials: 401 as JSON, never reaching the upstream.
        let denied = try gateway.get("/api/v1/hosts")
        #expect(denied.status == 401)
        #expect(denied.json?["error"] as? String == "unauthorized")
        #expect(denied.headers["x-config-generation"] == nil)

        // With credentials: identity comes from the verify answer, not from the client.
        let forged = ["Authorization": "Bearer good", "X-User": "mallory", "X-Roles": "root", "X-Request-ID": "test-req-1"]
        let allowed = try gateway.get("/api/v1/hosts?page=2", headers: forged)
        #expect(allowed.status == 200)
        let seen = try #require(allowed.json?["headers"] as? [String: String])
        #expect(seen["x-user"] == "alice")
        #expect(seen["x-roles"] == "admin,reader")
        #expect(seen["x-request-id"] == "test-req-1")
        #expect(allowed.headers["x-request-id"] == "test-req-1")
        #expect(allowed.json?["path"] as? String == "/api/v1/hosts?page=2")
        let verify = try gateway.lastVerify()
        let verifyHeaders = try #require(verify["headers"] as? [String: String])
        #expect(verify["path"] as? String == "/auth/verify")
        #expect(verifyHeaders["x-original-uri"] == "/api/v1/hosts?page=2")
        #expect(verifyHeaders["x-original-method"] == "GET")
        #expect(verifyHeaders["x-user"] == nil)
        #expect(verifyHeaders["x-roles"] == nil)

        // A public route: no auth_request, and forged identity headers are dropped.
        let body = gateway.prefix.appendingPathComponent("login.json")
        try Data(#"{"username":"alice","password":"secret"}"#.utf8).write(to: body)
        let login = try gateway.post("/auth/login", headers: ["X-User": "mallory", "X-Roles": "root", "Content-Type": "application/json"], bodyFile: body)
        #expect(login.status == 200)
        let loginSeen = try #require(login.json?["headers"] as? [String: String])
        #expect(loginSeen["x-user"] == nil)
        #expect(loginSeen["x-roles"] == nil)
        #expect(login.json?["body_length"] as? Int == 40)

        // Prefix routes match whole segments; unknown paths get a JSON 404.
        #expect(try gateway.get("/auth", headers: ["Authorization": "Bearer good"]).status == 200)
        #expect(try gateway.get("/auth/logout", headers: ["Authorization": "Bearer good"]).status == 200)
        let authx = try gateway.get("/authx", headers: ["Authorization": "Bearer good"])
        #expect(authx.status == 404)
        #expect(authx.json?["error"] as? String == "not_found")

        // Bodies over client_max_body_size (10Mi) are refused before any upstream sees them.
        let large = gateway.prefix.appendingPathComponent("large.bin")
        try Data(count: 10 * 1024 * 1024 + 1).write(to: large)
        let tooLarge = try gateway.post("/api/v1/reports", headers: ["Authorization": "Bearer good"], bodyFile: large)
        #expect(tooLarge.status == 413)

        // The access log: JSON per request, with the upstream that answered.
        let log = try gateway.accessLog()
        let hosts = try #require(log.first { $0["uri"] as? String == "/api/v1/hosts" && $0["status"] as? Int == 200 })
        #expect(hosts["upstream"] as? String == "collection_http")
        #expect(hosts["upstream_addr"] as? String == "127.0.0.1:\(gateway.upstreamPort)")
        #expect(hosts["upstream_status"] as? String == "200")
        #expect(hosts["request_id"] as? String == "test-req-1")
        #expect(!log.contains { $0["uri"] as? String == "/healthz" })

        // Rate limit: 20 r/s with a burst of 40; beyond that, 429 (as JSON, see error pages).
        let statuses = try gateway.statuses("/auth/login", count: 120)
        #expect(statuses.count == 120)
        #expect(statuses.filter { $0 == 429 }.count >= 40, "\(statuses)")
        #expect(statuses.filter { $0 == 200 }.count >= 40)
        #expect(Set(statuses).isSubset(of: [200, 429]))
    }
}
