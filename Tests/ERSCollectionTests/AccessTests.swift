import ERSCollection
import Foundation
import Hummingbird
import Testing

/// Every route needs a valid token verified by the service itself, and the right role
/// (admin ⊇ operator ⊇ viewer).
@Suite struct AccessTests {
    static let routes: [(HTTPRequest.Method, String)] = [
        (.post, "/api/v1/hosts"), (.get, "/api/v1/hosts"), (.get, "/api/v1/hosts/db-1"), (.patch, "/api/v1/hosts/db-1"),
        (.post, "/api/v1/hosts/db-1/disable"), (.delete, "/api/v1/hosts/db-1"), (.get, "/api/v1/hosts/db-1/reports/latest?type=system"),
        (.post, "/api/v1/collections"), (.get, "/api/v1/collections/1"), (.get, "/api/v1/reports"), (.get, "/api/v1/reports/1-1"),
        (.get, "/api/v1/audit-logs"),
    ]

    @Test func everyRouteRefusesMissingAndBadTokens() async throws {
        try await CollectionHarness.run { harness in
            let valid = try await harness.token(roles: ["admin"])
            let parts = valid.split(separator: ".")
            let tampered = "\(parts[0]).\(parts[1]).\(parts[2].dropLast(3))AAA"
            for (method, uri) in Self.routes {
                let none = try await harness.send(method, uri, token: nil)
                #expect(none.status == 401, "\(method) \(uri) without a token: \(none.body)")
                #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(none.error == "unauthorized")
                for bad in ["not-a-jwt", tampered] {
                    let reply = try await harness.send(method, uri, token: bad)
                    #expect(reply.status == 401, "\(method) \(uri) with a bad token: \(reply.body)")
                }
            }
            // A header a proxy might set is not trusted.
            let spoofed = try await harness.send(.get, "/api/v1/hosts", token: nil, headers: [.init("X-User")!: "root", .init("X-Roles")!: "admin"])
            #expect(spoofed.status == 401)
        }
    }

    @Test func revokedSessionIsRefused() async throws {
        try await CollectionHarness.run { harness in
            let issued = try await harness.tokens.issue(username: "carol", roles: ["admin"])
            // Signed correctly but no session (logged out): refused.
            let reply = try await harness.send(.get, "/api/v1/hosts", token: issued.token)
            #expect(reply.status == 401)
        }
    }

    @Test func rolesNest() async throws {
        try await CollectionHarness.run { harness in
            let viewer = try await harness.token(roles: ["viewer"])
            let operatorToken = try await harness.token(roles: ["operator"])
            let admin = try await harness.token(roles: ["admin"])
            let stranger = try await harness.token(roles: ["billing"])
            let noRole = try await harness.token(roles: [])
            let host: [String: Any] = ["name": "db-1.example.com", "labels": ["env": "prod"]]

            for token in [stranger, noRole] {
                #expect(try await harness.send(.get, "/api/v1/hosts", token: token).status == 403)
            }
            // viewer: reads only.
            #expect(try await harness.send(.get, "/api/v1/hosts", token: viewer).status == 200)
            #expect(try await harness.send(.get, "/api/v1/reports", token: viewer).status == 200)
            let denied = try await harness.send(.post, "/api/v1/hosts", token: viewer, json: host)
            #expect(denied.status == 403)
            #expect(denied.error == "forbidden")
            #expect(denied.detail.contains("admin"))
            #expect(try await harness.send(.post, "/api/v1/collections", token: viewer, json: ["reportType": "system", "hosts": ["db-1.example.com"]]).status == 403)
            #expect(try await harness.send(.get, "/api/v1/audit-logs", token: viewer).status == 403)
            // operator: reads and starts collections, no host management, no audit log.
            #expect(try await harness.send(.get, "/api/v1/hosts", token: operatorToken).status == 200)
            #expect(try await harness.send(.post, "/api/v1/hosts", token: operatorToken, json: host).status == 403)
            #expect(try await harness.send(.delete, "/api/v1/hosts/db-1.example.com", token: operatorToken).status == 403)
            #expect(try await harness.send(.get, "/api/v1/audit-logs", token: operatorToken).status == 403)
            let started = try await harness.send(.post, "/api/v1/collections", token: operatorToken, json: ["reportType": "system", "hosts": ["nowhere.example.com"]])
            #expect(started.status != 403 && started.status != 401, "operator may start collections: \(started.body)")
            // admin: everything.
            #expect(try await harness.send(.post, "/api/v1/hosts", token: admin, json: host).status == 201)
            #expect(try await harness.send(.get, "/api/v1/hosts/db-1.example.com", token: viewer).status == 200)
            #expect(try await harness.send(.get, "/api/v1/audit-logs", token: admin).status == 200)
            #expect(try await harness.send(.post, "/api/v1/hosts/db-1.example.com/disable", token: admin).status == 200)
            #expect(try await harness.send(.delete, "/api/v1/hosts/db-1.example.com", token: admin).status == 204)
        }
    }

    @Test func healthAndReadyNeedNoToken() async throws {
        try await CollectionHarness.run { harness in
            #expect(try await harness.send(.get, "/health", token: nil).status == 200)
            let ready = try await harness.send(.get, "/ready", token: nil)
            #expect(ready.status == 200, "\(ready.body)")
            #expect(ready.body.contains("postgres") && ready.body.contains("redis"))
        }
    }

    @Test func roleRanking() {
        #expect(Role.highest(of: ["viewer", "admin", "x"]) == .admin)
        #expect(Role.highest(of: ["operator", "viewer"]) == .operator)
        #expect(Role.highest(of: ["Admin", "root"]) == nil)
        #expect(Role.admin > .operator && Role.operator > .viewer)
    }
}
