import Foundation
import Hummingbird
import Testing

@Suite struct HostTests {
    @Test func optionLikeHostIsRefusedAndNothingInserted() async throws {
        try await CollectionHarness.run { harness in
            let admin = try await harness.token(roles: ["admin"])
            let evil = "-oProxyCommand=touch /tmp/owned"
            for body: [String: Any] in [["name": evil], ["name": "ok.example.com", "address": evil], ["name": "ok.example.com", "sshUser": "-oProxyCommand=x"]] {
                let reply = try await harness.send(.post, "/api/v1/hosts", token: admin, json: body)
                #expect(reply.status == 422, "\(reply.body)")
                #expect(reply.error == "invalid_host")
                #expect(reply.detail.contains("-oProxyCommand"))
            }
            let named = try await harness.send(.post, "/api/v1/hosts", token: admin, json: ["name": evil])
            #expect(named.detail.contains("begins with '-'"))
            #expect(try await harness.texts("SELECT count(*)::text FROM hosts") == ["0"])
            #expect(try await harness.texts("SELECT count(*)::text FROM audit_logs") == ["0"])
            #expect(!FileManager.default.fileExists(atPath: "/tmp/owned"))
            // In a path too.
            let path = try await harness.send(.get, "/api/v1/hosts/-oProxyCommand=x", token: admin)
            #expect(path.status == 422)
        }
    }

    @Test func fieldRules() async throws {
        try await CollectionHarness.run { harness in
            let admin = try await harness.token(roles: ["admin"])
            let cases: [([String: Any], Int, String)] = [
                (["name": "a.example.com", "port": 0], 422, "port"),
                (["name": "a.example.com", "port": 65_536], 422, "port"),
                (["name": "a.example.com", "port": true], 422, "port"),
                (["name": "a.example.com", "port": 22.5], 422, "port"),
                (["name": "a.example.com", "transport": "telnet"], 422, "transport"),
                (["name": "a.example.com", "labels": ["env": "prod!"]], 422, "label"),
                (["name": "a.example.com", "labels": ["env": 1]], 422, "label"),
                (["name": "bad_name!"], 422, "name"),
                (["name": "a.example.com", "ssh_user": "root"], 400, "unknown field"),
                ([:], 422, "name"),
            ]
            for (body, status, needle) in cases {
                let reply = try await harness.send(.post, "/api/v1/hosts", token: admin, json: body)
                #expect(reply.status == status, "\(body): \(reply.body)")
                #expect(reply.detail.contains(needle), "\(body): \(reply.detail)")
                #expect(reply.json?["error"] != nil && reply.json?["detail"] != nil)
            }
            let notJSON = try await harness.client.executeRequest(uri: "/api/v1/hosts", method: .post,
                                                                  headers: [.authorization: "Bearer \(admin)", .contentType: "application/json"],
                                                                  body: .init(string: "{name:"))
            #expect(notJSON.status.code == 400)
            #expect(try await harness.texts("SELECT count(*)::text FROM hosts") == ["0"])
        }
    }

    @Test func lifecycleWithAudit() async throws {
        try await CollectionHarness.run { harness in
            let admin = try await harness.token("alice", roles: ["admin"])
            let created = try await harness.send(.post, "/api/v1/hosts", token: admin,
                                                 json: ["name": "DB-1.Example.com", "address": "10.0.0.5", "sshUser": "ers", "labels": ["env": "prod"]])
            #expect(created.status == 201, "\(created.body)")
            #expect(created.json?["name"] as? String == "db-1.example.com")
            #expect(created.json?["port"] as? Int == 22)
            #expect(created.json?["transport"] as? String == "ssh")
            #expect(created.headers[.location] == "/api/v1/hosts/db-1.example.com")
            let duplicate = try await harness.send(.post, "/api/v1/hosts", token: admin, json: ["name": "db-1.example.com"])
            #expect(duplicate.status == 409)
            #expect(duplicate.error == "host_exists")

            let patched = try await harness.send(.patch, "/api/v1/hosts/db-1.example.com", token: admin,
                                                 json: ["port": 2222, "sshUser": NSNull(), "labels": ["env": "staging", "tier": "db"]])
            #expect(patched.status == 200, "\(patched.body)")
            #expect(patched.json?["port"] as? Int == 2222)
            #expect(patched.json?["sshUser"] is NSNull)
            #expect((patched.json?["labels"] as? [String: String]) == ["env": "staging", "tier": "db"])
            #expect(try await harness.send(.patch, "/api/v1/hosts/db-1.example.com", token: admin, json: [String: Any]()).status == 400)
            #expect(try await harness.send(.patch, "/api/v1/hosts/nope.example.com", token: admin, json: ["port": 22]).status == 404)

            let disabled = try await harness.send(.post, "/api/v1/hosts/db-1.example.com/disable", token: admin)
            #expect(disabled.json?["disabled"] as? Bool == true)
            #expect(try await harness.send(.delete, "/api/v1/hosts/db-1.example.com", token: admin).status == 204)
            #expect(try await harness.send(.get, "/api/v1/hosts/db-1.example.com", token: admin).status == 404)
            #expect(try await harness.send(.delete, "/api/v1/hosts/db-1.example.com", token: admin).status == 404)

            let rows = try await harness.texts("SELECT user_id || ' ' || action || ' ' || resource_type || ' ' || resource_id FROM audit_logs ORDER BY id")
            #expect(rows == ["alice host.created host db-1.example.com", "alice host.updated host db-1.example.com",
                             "alice host.disabled host db-1.example.com", "alice host.deleted host db-1.example.com"])
            let everything = try await harness.texts("SELECT row_to_json(a)::text FROM audit_logs a")
            for row in everything {
                #expect(!row.contains(admin))
                #expect(!row.contains(admin.split(separator: ".")[2]))
            }
            #expect(everything.first?.contains("10.0.0.5") == true)
            // The audit log through the API (admin).
            let audit = try await harness.send(.get, "/api/v1/audit-logs?resourceType=host&limit=2", token: admin)
            #expect(audit.status == 200, "\(audit.body)")
            let entries = audit.json?["entries"] as? [[String: Any]] ?? []
            #expect(entries.map { $0["action"] as? String } == ["host.deleted", "host.disabled"])
            let next = try #require(audit.json?["nextCursor"] as? String)
            let rest = try await harness.send(.get, "/api/v1/audit-logs?resourceType=host&limit=2&cursor=\(next)", token: admin)
            #expect((rest.json?["entries"] as? [[String: Any]] ?? []).map { $0["action"] as? String } == ["host.updated", "host.created"])
            #expect(rest.json?["nextCursor"] is NSNull)
        }
    }

    /// Regression: `::1` passed HostAddress but broke the table's CHECK (first character a
    /// letter or digit), answering 500; `0::1`, the same address, is stored.
    @Test("an IPv6 host beginning with ':' gets a 422 naming the equivalent form; that form is stored")
    func ipv6BeginningWithAColon() async throws {
        try await CollectionHarness.run { harness in
            let admin = try await harness.token(roles: ["admin"])
            for body: [String: Any] in [["name": "::1", "transport": "http"], ["name": "lo.example.com", "address": "::1"]] {
                let reply = try await harness.send(.post, "/api/v1/hosts", token: admin, json: body)
                #expect(reply.status == 422, "\(body): \(reply.body)")
                #expect(reply.detail.contains("0::1"), "\(reply.body)")
            }
            let stored = try await harness.send(.post, "/api/v1/hosts", token: admin, json: ["name": "lo.example.com", "address": "0::1"])
            #expect(stored.status == 201, "\(stored.body)")
            let patched = try await harness.send(.patch, "/api/v1/hosts/lo.example.com", token: admin, json: ["address": "::2"])
            #expect(patched.status == 422, "\(patched.body)")
            #expect(try await harness.texts("SELECT address FROM hosts") == ["0::1"])
        }
    }

    @Test("regression: a local host has no port: none accepted, the API shows null, the row holds the documented placeholder")
    func localHostHasNoPort() async throws {
        try await CollectionHarness.run { harness in
            let admin = try await harness.token(roles: ["admin"])
            let created = try await harness.send(.post, "/api/v1/hosts", token: admin, json: ["name": "self.example.com", "transport": "local"])
            #expect(created.status == 201, "\(created.body)")
            #expect(created.json?["port"] is NSNull, "\(created.body)")
            #expect(try await harness.texts("SELECT port::text FROM hosts WHERE name = 'self.example.com'") == ["1"])
            #expect(try await harness.send(.get, "/api/v1/hosts/self.example.com", token: admin).json?["port"] is NSNull)
            let nullPort = try await harness.send(.post, "/api/v1/hosts", token: admin, json: ["name": "self2.example.com", "transport": "local", "port": NSNull()])
            #expect(nullPort.status == 201, "\(nullPort.body)")
            for port: Any in [22, 0, 1] {
                let refused = try await harness.send(.post, "/api/v1/hosts", token: admin, json: ["name": "self3.example.com", "transport": "local", "port": port])
                #expect(refused.status == 422, "\(port): \(refused.body)")
                #expect(refused.error == "invalid_host" && refused.detail.contains("transport local") && refused.detail.contains("no port"), "\(refused.detail)")
            }
            // PATCH: a port on a local host is refused; becoming ssh without a port takes 22; becoming local drops the port.
            let patchPort = try await harness.send(.patch, "/api/v1/hosts/self.example.com", token: admin, json: ["port": 2222])
            #expect(patchPort.status == 422 && patchPort.detail.contains("no port"), "\(patchPort.body)")
            let toSSH = try await harness.send(.patch, "/api/v1/hosts/self.example.com", token: admin, json: ["transport": "ssh"])
            #expect(toSSH.status == 200 && toSSH.json?["port"] as? Int == 22, "\(toSSH.body)")
            let toHTTP = try await harness.send(.patch, "/api/v1/hosts/self2.example.com", token: admin, json: ["transport": "http", "port": 8443])
            #expect(toHTTP.json?["port"] as? Int == 8443, "\(toHTTP.body)")
            let toLocal = try await harness.send(.patch, "/api/v1/hosts/self.example.com", token: admin, json: ["transport": "local"])
            #expect(toLocal.status == 200 && toLocal.json?["port"] is NSNull, "\(toLocal.body)")
            #expect(try await harness.texts("SELECT port::text FROM hosts WHERE name = 'self.example.com'") == ["1"])
            let toLocalWithPort = try await harness.send(.patch, "/api/v1/hosts/self2.example.com", token: admin, json: ["transport": "local", "port": 22])
            #expect(toLocalWithPort.status == 422, "\(toLocalWithPort.body)")
            // A row written before this rule (port 22) reads the same.
            #expect(try await harness.texts("UPDATE hosts SET port = 22 WHERE name = 'self.example.com' RETURNING name") == ["self.example.com"])
            #expect(try await harness.send(.get, "/api/v1/hosts/self.example.com", token: admin).json?["port"] is NSNull)
            let listed = try await harness.send(.get, "/api/v1/hosts", token: admin).json?["hosts"] as? [[String: Any]] ?? []
            #expect(listed.first { $0["name"] as? String == "self.example.com" }?["port"] is NSNull)
        }
    }

    @Test func paginationAndSelectors() async throws {
        try await CollectionHarness.run { harness in
            let admin = try await harness.token(roles: ["admin"])
            var expected: [String: [String: String]] = [:]
            for index in 0..<23 {
                var labels = ["env": index % 3 == 0 ? "prod" : "dev"]
                if index % 4 == 0 { labels["gpu"] = "yes" }
                let name = "node-\(index).example.com"
                expected[name] = labels
                let reply = try await harness.send(.post, "/api/v1/hosts", token: admin, json: ["name": name, "labels": labels])
                #expect(reply.status == 201)
            }
            func walk(_ selector: String, limit: Int) async throws -> [String] {
                var names: [String] = [], cursor: String?
                var pages = 0
                repeat {
                    var uri = "/api/v1/hosts?limit=\(limit)&selector=\(selector.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                    if let cursor { uri += "&cursor=\(cursor)" }
                    let reply = try await harness.send(.get, uri, token: admin)
                    #expect(reply.status == 200, "\(reply.body)")
                    let hosts = reply.json?["hosts"] as? [[String: Any]] ?? []
                    #expect(hosts.count <= limit)
                    names += hosts.compactMap { $0["name"] as? String }
                    cursor = reply.json?["nextCursor"] as? String
                    pages += 1
                } while cursor != nil && pages < 100
                return names
            }
            for (selector, predicate) in [
                ("", { (_: [String: String]) in true }),
                ("env=prod", { $0["env"] == "prod" }),
                ("env!=prod", { $0["env"] != "prod" }),
                ("gpu", { $0["gpu"] != nil }),
                ("!gpu,env=dev", { $0["gpu"] == nil && $0["env"] == "dev" }),
            ] as [(String, ([String: String]) -> Bool)] {
                for limit in [1, 7, 1000] {
                    let names = try await walk(selector, limit: limit)
                    #expect(names.count == Set(names).count, "\(selector) limit \(limit): a host came twice")
                    #expect(Set(names) == Set(expected.filter { predicate($0.value) }.keys), "\(selector) limit \(limit)")
                }
            }
            let bad = try await harness.send(.get, "/api/v1/hosts?selector=env%20in%20(a)", token: admin)
            #expect(bad.status == 400)
            #expect(try await harness.send(.get, "/api/v1/hosts?cursor=garbage", token: admin).status == 400)
            for limit in ["0", "1001", "x"] {
                let reply = try await harness.send(.get, "/api/v1/hosts?limit=\(limit)", token: admin)
                #expect(reply.status == 400)
                #expect(reply.detail.contains("1 to 1000"))
            }
        }
    }
}
