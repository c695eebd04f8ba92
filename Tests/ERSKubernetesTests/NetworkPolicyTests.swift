import ERSKubernetes
import ERSModel
import Testing

/// The network policies allow exactly the connections the system needs.
@Suite struct NetworkPolicyTests {
    @Test func namespaceDeniesEverythingButDNS() throws {
        let text = TestSupport.render(try TestSupport.spec())["kubernetes/network-policies.yaml"] ?? ""
        let deny = try #require(try TestSupport.object("NetworkPolicy", "default-deny-all", in: text))
        #expect(TestSupport.value(deny, "spec", "policyTypes") as? [String] == ["Ingress", "Egress"])
        #expect(TestSupport.value(deny, "spec", "ingress") == nil)
        let dns = try #require(try TestSupport.object("NetworkPolicy", "allow-dns-egress", in: text))
        let rule = (TestSupport.value(dns, "spec", "egress") as? [[String: Any]])?.first
        let ports = rule?["ports"] as? [[String: Any]] ?? []
        #expect(ports.compactMap { $0["protocol"] as? String } == ["UDP", "TCP"])
        #expect(ports.compactMap { $0["port"] as? Int } == [53, 53])
    }

    @Test func datastoresAcceptOnlyTheirUsers() throws {
        let files = TestSupport.render(try TestSupport.spec())
        let policy = try #require(try TestSupport.object("NetworkPolicy", "redis", in: files["kubernetes/redis.yaml"] ?? ""))
        let rules = TestSupport.value(policy, "spec", "ingress") as? [[String: Any]] ?? []
        let peers = (rules.first?["from"] as? [[String: Any]] ?? []).compactMap {
            TestSupport.value($0, "podSelector", "matchLabels", "app.kubernetes.io/name") as? String
        }
        #expect(peers == ["auth", "collection", "worker"])
        #expect(TestSupport.value(policy, "spec", "egress") == nil)
    }

    @Test func gatewayReachesItsTargetsAndIsReachableFromOutside() throws {
        let files = TestSupport.render(try TestSupport.spec())
        let policy = try #require(try TestSupport.object("NetworkPolicy", "gateway", in: files["kubernetes/gateway.yaml"] ?? ""))
        let egress = TestSupport.value(policy, "spec", "egress") as? [[String: Any]] ?? []
        let targets = egress.compactMap {
            TestSupport.value(($0["to"] as? [[String: Any]])?.first ?? [:], "podSelector", "matchLabels", "app.kubernetes.io/name") as? String
        }
        #expect(targets == ["auth", "collection"])
        let ingress = TestSupport.value(policy, "spec", "ingress") as? [[String: Any]] ?? []
        #expect(ingress.count == 1)
        let scheduler = try #require(try TestSupport.object("NetworkPolicy", "scheduler", in: files["kubernetes/scheduler.yaml"] ?? ""))
        #expect(TestSupport.value(scheduler, "spec", "ingress") == nil, "nothing may connect to the scheduler")
    }
}
