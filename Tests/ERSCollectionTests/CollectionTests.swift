import Foundation
import Hummingbird
import Testing

@Suite struct CollectionTests {
    @Test func startByNamesAndBySelectorThenStatus() async throws {
        try await CollectionHarness.run { harness in
            let admin = try await harness.token(roles: ["admin"])
            let operatorToken = try await harness.token("olga", roles: ["operator"])
            for (name, env) in [("a.example.com", "prod"), ("b.example.com", "prod"), ("c.example.com", "dev")] {
                #expect(try await harness.send(.post, "/api/v1/hosts", token: admin, json: ["name": name, "labels": ["env": env]]).status == 201)
            }
            let byNames = try await harness.send(.post, "/api/v1/collections", token: operatorToken,
                                                 json: ["reportType": "system", "hosts": ["a.example.com", "C.example.com"]])
            #expect(byNames.status == 202, "\(byNames.body)")
            #expect(byNames.json?["jobs"] as? Int == 2)
            let id = try #require(byNames.json?["id"] as? Int)
            let status = try await harness.send(.get, "/api/v1/collections/\(id)", token: operatorToken)
            #expect(status.status == 200, "\(status.body)")
            #expect((status.json?["counts"] as? [String: Int]) == ["queued": 2, "running": 0, "failed": 0, "succeeded": 0, "dead": 0])
            #expect((status.json?["hosts"] as? [[String: Any]])?.compactMap { $0["hostname"] as? String } == ["a.example.com", "c.example.com"])
            #expect(status.json?["requestedBy"] as? String == "olga")

            let bySelector = try await harness.send(.post, "/api/v1/collections", token: operatorToken, json: ["reportType": "system", "selector": "env=prod"])
            #expect(bySelector.status == 202)
            #expect(bySelector.json?["jobs"] as? Int == 2)

            // Regression: a selector matching no enabled host was a 202 with an empty collection.
            let collectionsBefore = try await harness.texts("SELECT count(*)::text FROM collections")
            for selector in ["env=nowhere", "env=prod,tier=db"] {
                let none = try await harness.send(.post, "/api/v1/collections", token: operatorToken, json: ["reportType": "system", "selector": selector])
                #expect(none.status == 422, "\(none.body)")
                #expect(none.error == "no_matching_hosts")
                #expect(none.detail.contains("no enabled host matches the selector \"\(selector)\""), "\(none.detail)")
            }
            #expect(try await harness.texts("SELECT count(*)::text FROM collections") == collectionsBefore, "nothing created")

            let unknown = try await harness.send(.post, "/api/v1/collections", token: operatorToken, json: ["reportType": "system", "hosts": ["zzz.example.com"]])
            #expect(unknown.status == 422)
            #expect(unknown.detail.contains("zzz.example.com"))
            let evil = try await harness.send(.post, "/api/v1/collections", token: operatorToken, json: ["reportType": "system", "hosts": ["-oProxyCommand=x"]])
            #expect(evil.status == 422)
            let both = try await harness.send(.post, "/api/v1/collections", token: operatorToken,
                                              json: ["reportType": "system", "hosts": ["a.example.com"], "selector": "env=prod"])
            #expect(both.status == 422)
            let badType = try await harness.send(.post, "/api/v1/collections", token: operatorToken, json: ["reportType": "Sys tem", "selector": ""])
            #expect(badType.status == 422)
            // Regression: a type no worker collects was accepted (202) and every job died in the workers.
            let unknownType = try await harness.send(.post, "/api/v1/collections", token: operatorToken, json: ["reportType": "disk", "selector": ""])
            #expect(unknownType.status == 422)
            #expect(unknownType.json?["error"] as? String == "invalid_collection")
            #expect((unknownType.json?["detail"] as? String)?.contains("the types are: system") == true, "\(String(describing: unknownType.json))")
            #expect(try await harness.texts("SELECT count(*)::text FROM collections WHERE report_type = 'disk'") == ["0"])
            #expect(try await harness.send(.post, "/api/v1/hosts/a.example.com/disable", token: admin).status == 200)
            let disabled = try await harness.send(.post, "/api/v1/collections", token: operatorToken, json: ["reportType": "system", "hosts": ["a.example.com"]])
            #expect(disabled.status == 422)
            #expect(try await harness.send(.post, "/api/v1/hosts/b.example.com/disable", token: admin).status == 200)
            let onlyDisabled = try await harness.send(.post, "/api/v1/collections", token: operatorToken, json: ["reportType": "system", "selector": "env=prod"])
            #expect(onlyDisabled.status == 422 && onlyDisabled.error == "no_matching_hosts", "\(onlyDisabled.body)")
            #expect(try await harness.send(.get, "/api/v1/collections/999999", token: operatorToken).status == 404)
            #expect(try await harness.send(.get, "/api/v1/collections/x", token: operatorToken).status == 400)
            #expect(try await harness.texts("SELECT count(*)::text FROM audit_logs WHERE action = 'collection.started' AND user_id = 'olga'") == ["2"])
        }
    }
}

@Suite struct CollectionAuditTests {
    /// Regression: the `collection.started` audit row had no client address (host changes had
    /// one) and did not say which hosts were meant — neither the selector nor the names.
    @Test func aStartedCollectionIsAuditedWithClientAddressAndWhatItCovers() async throws {
        try await CollectionHarness.run(testing: .live) { harness in
            let admin = try await harness.token(roles: ["admin"])
            let operatorToken = try await harness.token("otto", roles: ["operator"])
            for name in ["a.example.com", "b.example.com"] {
                #expect(try await harness.send(.post, "/api/v1/hosts", token: admin, json: ["name": name, "labels": ["env": "prod"]]).status == 201)
            }
            let bySelector = try await harness.send(.post, "/api/v1/collections", token: operatorToken, json: ["reportType": "system", "selector": "env=prod"])
            #expect(bySelector.status == 202, "\(bySelector.body)")
            let byNames = try await harness.send(.post, "/api/v1/collections", token: operatorToken,
                                                 json: ["reportType": "system", "hosts": ["B.example.com", "a.example.com"]])
            #expect(byNames.status == 202, "\(byNames.body)")
            let rows = try await harness.texts("""
                SELECT concat_ws('|', host(ip_address), details->>'selector', details->>'hosts', details->>'role', details->>'jobs')
                FROM audit_logs WHERE action = 'collection.started' AND user_id = 'otto' ORDER BY id
                """)
            #expect(rows == ["127.0.0.1|env=prod|operator|2", "127.0.0.1|a.example.com,b.example.com|operator|2"])
        }
    }
}
