import ERSKubernetes
import ERSModel
import Testing
import Yams

/// The HorizontalPodAutoscaler, with the seed's scale-up and scale-down behaviour as
/// `environments/production.yaml` states it.
@Suite struct AutoscalingTests {
    /// `services[collection].autoscaling` of `environments/production.yaml` (an overlay, so only
    /// that part is decoded).
    private func productionAutoscaling() throws -> Autoscaling {
        let url = TestSupport.packageRoot.appendingPathComponent("environments/production.yaml")
        let root = try #require(try Yams.compose(yaml: String(contentsOf: url, encoding: .utf8)))
        let services = try #require(root["services"]?.sequence)
        let collection = try #require(services.first { $0["name"]?.string == "collection" })
        let autoscaling = try #require(collection["autoscaling"])
        return try YAMLDecoder().decode(Autoscaling.self, from: try Yams.serialize(node: autoscaling))
    }

    @Test func behaviorRendersAsGolden() throws {
        var spec = try TestSupport.spec()
        let index = try #require(spec.services.firstIndex { $0.name == "collection" })
        spec.services[index].autoscaling = try productionAutoscaling()
        #expect(spec.services[index].autoscaling?.behavior != nil)
        let files = TestSupport.render(spec)
        try TestSupport.checkGolden(files.filter { $0.key == "kubernetes/collection.yaml" }, name: "production-autoscaling")
    }

    @Test func behaviorIsLeftOutWhenNotSet() throws {
        let text = TestSupport.render(try TestSupport.spec())["kubernetes/collection.yaml"] ?? ""
        let hpa = try #require(try TestSupport.object("HorizontalPodAutoscaler", "collection", in: text))
        #expect(TestSupport.value(hpa, "spec", "behavior") == nil)
        #expect(TestSupport.value(hpa, "spec", "minReplicas") as? Int == 3)
        #expect(TestSupport.value(hpa, "spec", "scaleTargetRef", "name") as? String == "collection")
    }
}
