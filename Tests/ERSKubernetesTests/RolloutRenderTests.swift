import ERSKubernetes
import ERSModel
import ERSSpec
import Foundation
import Testing

/// Blue-green and canary in Kubernetes: slot and track Deployments whose selectors carry the
/// slot or track from the first render, the Services that switch, the canary's traffic split
/// (Gateway API HTTPRoute, ingress-nginx annotations) and the Argo Rollouts option. Golden files
/// under Golden/production-rollouts, production-argo-rollouts and production-ingress-nginx-canary.
@Suite struct RolloutRenderTests {
    static func production() throws -> SystemSpec {
        let result = SpecLoader().load(path: TestSupport.packageRoot.appendingPathComponent("environments/production.yaml").path)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return try #require(result.spec)
    }

    static func files(_ spec: SystemSpec) -> [String: String] {
        TestSupport.render(spec).filter { ["kubernetes/auth.yaml", "kubernetes/collection.yaml"].contains($0.key) }
    }

    static func objects(_ text: String?, kind: String) throws -> [[String: Any]] {
        try TestSupport.documents(text ?? "").filter { $0["kind"] as? String == kind }
    }

    static func name(_ object: [String: Any]) -> String { TestSupport.metadata(object)["name"] as? String ?? "" }

    @Test func productionRendersAsGolden() throws {
        try TestSupport.checkGolden(Self.files(Self.production()), name: "production-rollouts")
    }

    @Test func blueGreenHasTwoSlotsAndServicesSelectingBySlot() throws {
        let auth = TestSupport.render(try Self.production())["kubernetes/auth.yaml"]
        let deployments = try Self.objects(auth, kind: "Deployment")
        #expect(deployments.map(Self.name) == ["auth-blue", "auth-green"])
        for (deployment, slot) in zip(deployments, ["blue", "green"]) {
            let selector = TestSupport.value(deployment, "spec", "selector", "matchLabels") as? [String: String]
            #expect(selector?["ers.rollout/slot"] == slot)
            #expect((TestSupport.value(deployment, "spec", "template", "metadata", "labels") as? [String: String])?["ers.rollout/slot"] == slot)
        }
        #expect(TestSupport.value(deployments[0], "spec", "replicas") as? Int == 3)
        #expect(TestSupport.value(deployments[1], "spec", "replicas") as? Int == 0)
        let services = try Self.objects(auth, kind: "Service")
        #expect(services.map(Self.name) == ["auth", "auth-preview"])
        #expect((TestSupport.value(services[0], "spec", "selector") as? [String: String])?["ers.rollout/slot"] == "blue")
        #expect((TestSupport.value(services[1], "spec", "selector") as? [String: String])?["ers.rollout/slot"] == "green")
        #expect(TestSupport.metadata(services[0])["labels"].map { ($0 as? [String: String])?["ers.rollout/slot"] == nil } == true)

        // After a promotion the spec names green active: the Services switch, the Deployments'
        // selectors stay as they were (they are immutable).
        var spec = try Self.production()
        let index = try #require(spec.services.firstIndex { $0.name == "auth" })
        spec.services[index].rollout?.blueGreen?.activeSlot = .green
        let switched = TestSupport.render(spec)["kubernetes/auth.yaml"]
        let switchedServices = try Self.objects(switched, kind: "Service")
        #expect((TestSupport.value(switchedServices[0], "spec", "selector") as? [String: String])?["ers.rollout/slot"] == "green")
        let before = deployments.map { TestSupport.value($0, "spec", "selector") as? [String: [String: String]] }
        let after = try Self.objects(switched, kind: "Deployment").map { TestSupport.value($0, "spec", "selector") as? [String: [String: String]] }
        #expect(before == after)
    }

    @Test func canaryHasStableAndCanaryTracksAndAnHTTPRouteSplit() throws {
        let collection = TestSupport.render(try Self.production())["kubernetes/collection.yaml"]
        let deployments = try Self.objects(collection, kind: "Deployment")
        #expect(deployments.map(Self.name) == ["collection-stable", "collection-canary"])
        #expect((TestSupport.value(deployments[1], "spec", "selector", "matchLabels") as? [String: String])?["ers.rollout/track"] == "canary")
        #expect(TestSupport.value(deployments[0], "spec", "replicas") == nil, "the autoscaler owns the stable replicas")
        #expect(TestSupport.value(deployments[1], "spec", "replicas") as? Int == 0)
        #expect(try Self.objects(collection, kind: "Service").map(Self.name) == ["collection", "collection-stable", "collection-canary"])
        let hpa = try #require(try Self.objects(collection, kind: "HorizontalPodAutoscaler").first)
        #expect(TestSupport.value(hpa, "spec", "scaleTargetRef", "name") as? String == "collection-stable")
        let route = try #require(try Self.objects(collection, kind: "HTTPRoute").first)
        let rules = try #require(TestSupport.value(route, "spec", "rules") as? [[String: Any]])
        #expect(rules.map { $0["name"] as? String } == ["test-routing", "split"])
        let split = try #require(rules[1]["backendRefs"] as? [[String: Any]])
        #expect(split.map { $0["name"] as? String } == ["collection-stable", "collection-canary"])
        #expect(split.map { $0["weight"] as? Int } == [100, 0])
        let matches = try #require(rules[0]["matches"] as? [[String: Any]])
        #expect(matches.count == 2, "header or cookie")
        let parent = try #require((TestSupport.value(route, "spec", "parentRefs") as? [[String: Any]])?.first)
        #expect(parent["kind"] as? String == "Service" && parent["name"] as? String == "collection")
    }

    @Test func ingressNginxCanaryRendersAsGolden() throws {
        var spec = try Self.production()
        let index = try #require(spec.services.firstIndex { $0.name == "collection" })
        spec.services[index].rollout?.canary?.trafficRouting = .ingressNginx
        spec.gateway.exposure?.ingressClassName = "nginx"
        let collection = TestSupport.render(spec)["kubernetes/collection.yaml"]
        let ingresses = try Self.objects(collection, kind: "Ingress")
        #expect(ingresses.map(Self.name) == ["collection-stable", "collection-canary"])
        let annotations = TestSupport.metadata(ingresses[1])["annotations"] as? [String: String]
        #expect(annotations?["nginx.ingress.kubernetes.io/canary"] == "true")
        #expect(annotations?["nginx.ingress.kubernetes.io/canary-weight"] == "0")
        #expect(annotations?["nginx.ingress.kubernetes.io/canary-by-header"] == "X-ERS-Canary")
        #expect(try Self.objects(collection, kind: "HTTPRoute").isEmpty)
        try TestSupport.checkGolden(Self.files(spec).filter { $0.key == "kubernetes/collection.yaml" }, name: "production-ingress-nginx-canary")
    }

    @Test func argoRolloutsRenderAsGolden() throws {
        var spec = try Self.production()
        for name in ["auth", "collection"] {
            let index = try #require(spec.services.firstIndex { $0.name == name })
            spec.services[index].rollout?.controller = .argoRollouts
        }
        let files = Self.files(spec)
        let rollout = try #require(try Self.objects(files["kubernetes/collection.yaml"], kind: "Rollout").first)
        #expect(try Self.objects(files["kubernetes/collection.yaml"], kind: "Deployment").isEmpty)
        let steps = try #require(TestSupport.value(rollout, "spec", "strategy", "canary", "steps") as? [[String: Any]])
        #expect(steps.count == 8, "setHeaderRoute, then the spec's 7 steps")
        let hpa = try #require(try Self.objects(files["kubernetes/collection.yaml"], kind: "HorizontalPodAutoscaler").first)
        #expect(TestSupport.value(hpa, "spec", "scaleTargetRef", "kind") as? String == "Rollout")
        let blueGreen = try #require(try Self.objects(files["kubernetes/auth.yaml"], kind: "Rollout").first)
        #expect(TestSupport.value(blueGreen, "spec", "strategy", "blueGreen", "autoPromotionEnabled") as? Bool == false)
        #expect(TestSupport.value(blueGreen, "spec", "strategy", "blueGreen", "previewService") as? String == "auth-preview")
        try TestSupport.checkGolden(files, name: "production-argo-rollouts")
    }

    @Test func rollingServicesKeepTheirPlainDeployment() throws {
        let worker = TestSupport.render(try Self.production())["kubernetes/worker.yaml"]
        #expect(try Self.objects(worker, kind: "Deployment").map(Self.name) == ["worker"])
    }
}
