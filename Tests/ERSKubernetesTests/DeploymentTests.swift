import ERSKubernetes
import ERSModel
import Testing

/// Properties of the rendered Deployments that must hold for every spec.
@Suite struct DeploymentTests {
    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let spec = try TestSupport.spec()
        let first = KubernetesRenderer().render(spec, gatewayConfig: TestSupport.gatewayConfig)
        let second = KubernetesRenderer().render(spec, gatewayConfig: TestSupport.gatewayConfig)
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test func autoscaledDeploymentHasNoReplicas() throws {
        let files = TestSupport.render(try TestSupport.spec())
        let collection = try #require(try TestSupport.object("Deployment", "collection", in: files["kubernetes/collection.yaml"] ?? ""))
        #expect(TestSupport.value(collection, "spec", "replicas") == nil)
        #expect(try TestSupport.object("HorizontalPodAutoscaler", "collection", in: files["kubernetes/collection.yaml"] ?? "") != nil)
        let auth = try #require(try TestSupport.object("Deployment", "auth", in: files["kubernetes/auth.yaml"] ?? ""))
        #expect(TestSupport.value(auth, "spec", "replicas") as? Int == 2)
    }

    @Test func selectorsNeverContainTheVersion() throws {
        let files = TestSupport.render(try TestSupport.spec())
        var selectorsSeen = 0
        for (path, text) in files {
            for object in try TestSupport.documents(text) {
                let selectors: [Any?] = [
                    TestSupport.value(object, "spec", "selector", "matchLabels"),
                    TestSupport.value(object, "spec", "selector"),
                    TestSupport.value(object, "spec", "podSelector", "matchLabels"),
                ]
                for case let selector as [String: Any] in selectors where selector["matchLabels"] == nil {
                    selectorsSeen += 1
                    #expect(selector["app.kubernetes.io/version"] == nil, "\(path): selector with a version")
                    #expect(
                        Set(selector.keys) == ["app.kubernetes.io/name", "app.kubernetes.io/instance"],
                        "\(path): selector \(selector.keys.sorted())")
                }
            }
        }
        #expect(selectorsSeen > 10)
    }

    @Test func podTemplatesCarryTheVersionLabel() throws {
        let files = TestSupport.render(try TestSupport.spec())
        let auth = try #require(try TestSupport.object("Deployment", "auth", in: files["kubernetes/auth.yaml"] ?? ""))
        let labels = TestSupport.value(auth, "spec", "template", "metadata", "labels") as? [String: Any]
        #expect(labels?["app.kubernetes.io/version"] as? String == "1.0.0")
        #expect(labels?["app.kubernetes.io/instance"] as? String == "ers-base")
    }

    @Test func configChangeRollsExactlyThatDeployment() throws {
        let spec = try TestSupport.spec()
        var changed = spec
        let index = try #require(changed.services.firstIndex { $0.name == "auth" })
        changed.services[index].config?["LOG_LEVEL"] = "debug"
        let before = try checksums(TestSupport.render(spec))
        let after = try checksums(TestSupport.render(changed))
        #expect(Set(before.keys) == Set(after.keys))
        for (name, checksum) in before {
            if name == "auth" {
                #expect(after[name] != checksum, "auth's checksum must change")
            } else {
                #expect(after[name] == checksum, "\(name)'s checksum must not change")
            }
        }
    }

    @Test func gatewayConfigChangeRollsOnlyTheGateway() throws {
        let spec = try TestSupport.spec()
        let before = try checksums(TestSupport.render(spec))
        let after = try checksums(TestSupport.render(spec, gatewayConfig: TestSupport.gatewayConfig + "# changed\n"))
        #expect(before["gateway"] != nil)
        for (name, checksum) in before {
            #expect((after[name] == checksum) == (name != "gateway"), "\(name)")
        }
    }

    @Test func everyNamespacedObjectStatesItsNamespace() throws {
        let spec = try TestSupport.spec()
        for (path, text) in TestSupport.render(spec) {
            for object in try TestSupport.documents(text) {
                let kind = object["kind"] as? String ?? ""
                if kind == "Namespace" || kind == "Kustomization" { continue }
                #expect(TestSupport.metadata(object)["namespace"] as? String == spec.namespace, "\(path): \(kind)")
            }
        }
    }

    @Test func kustomizationListsEveryOtherFile() throws {
        let files = TestSupport.render(try TestSupport.spec())
        let kustomization = try #require(try TestSupport.documents(files["kubernetes/kustomization.yaml"] ?? "").first)
        let resources = kustomization["resources"] as? [String] ?? []
        let expected = files.keys.filter { $0 != "kubernetes/kustomization.yaml" }.map { String($0.dropFirst("kubernetes/".count)) }
        #expect(resources == expected.sorted())
    }

    /// `checksum/config` of every Deployment, by name.
    private func checksums(_ files: [String: String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for text in files.values {
            for object in try TestSupport.documents(text) where object["kind"] as? String == "Deployment" {
                let annotations = TestSupport.value(object, "spec", "template", "metadata", "annotations") as? [String: Any]
                if let name = TestSupport.metadata(object)["name"] as? String, let checksum = annotations?["checksum/config"] as? String {
                    result[name] = checksum
                }
            }
        }
        return result
    }
}
