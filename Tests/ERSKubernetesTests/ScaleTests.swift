import ERSKubernetes
import ERSModel
import Testing

/// Many services, each routed and reachable from its neighbour: every one gets its file and
/// the cross-service rules (the benchmark in docs/ measures speed; this checks the shape).
@Suite struct ScaleTests {
    @Test func rendersManyConnectedServices() throws {
        let count = 200
        var spec = try TestSupport.spec()
        let template = try #require(spec.services.first { $0.name == "collection" })
        for index in 0..<count {
            var service = template
            service.name = "svc-\(index)"
            service.network = NetworkAccess(ingressFrom: ["svc-\((index + 1) % count)"])
            spec.services.append(service)
            spec.gateway.routes.append(Route(name: "r-\(index)", path: "/r/\(index)", service: service.name, port: "http"))
        }
        let files = KubernetesRenderer().render(spec, gatewayConfig: TestSupport.gatewayConfig)
        #expect(files.count == count + 12, "the base files, partition-maintenance.yaml included, and one per service")
        let byPath = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        let policy = try #require(try TestSupport.object("NetworkPolicy", "svc-1", in: byPath["kubernetes/svc-1.yaml"] ?? ""))
        let egressPeers = (TestSupport.value(policy, "spec", "egress") as? [[String: Any]] ?? []).compactMap {
            TestSupport.value(($0["to"] as? [[String: Any]])?.first ?? [:], "podSelector", "matchLabels", "app.kubernetes.io/name") as? String
        }
        #expect(egressPeers == ["postgres", "redis", "svc-0"])
        let gateway = try #require(try TestSupport.object("NetworkPolicy", "gateway", in: byPath["kubernetes/gateway.yaml"] ?? ""))
        #expect((TestSupport.value(gateway, "spec", "egress") as? [Any])?.count == count + 2)
    }
}
