import ERSKubernetes
import ERSModel
import Testing

/// Which objects a component gets, and the choices the spec can make.
@Suite struct ComponentTests {
    @Test func objectsComeInTheFixedOrder() throws {
        let files = TestSupport.render(try TestSupport.spec())
        let kinds = { (path: String) throws -> [String] in
            try TestSupport.documents(files[path] ?? "").compactMap { $0["kind"] as? String }
        }
        #expect(
            try kinds("kubernetes/collection.yaml") == [
                "ServiceAccount", "ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "NetworkPolicy",
            ])
        #expect(try kinds("kubernetes/scheduler.yaml") == ["ServiceAccount", "ConfigMap", "Deployment", "Service", "NetworkPolicy"])
        #expect(try kinds("kubernetes/postgres.yaml") == ["ServiceAccount", "Service", "Service", "StatefulSet", "NetworkPolicy"])
    }

    @Test func serviceWithoutPortsOrConfigGetsNoServiceOrConfigMap() throws {
        var spec = try TestSupport.spec()
        let index = try #require(spec.services.firstIndex { $0.name == "scheduler" })
        spec.services[index].ports = []
        spec.services[index].config = nil
        spec.services[index].probes = nil
        spec.collectionSchedules = []
        let text = TestSupport.render(spec)["kubernetes/scheduler.yaml"] ?? ""
        let kinds = try TestSupport.documents(text).compactMap { $0["kind"] as? String }
        #expect(kinds == ["ServiceAccount", "Deployment", "NetworkPolicy"])
        #expect(!text.contains("checksum/config"))
    }

    @Test func runAsUserOverridesTheDefault() throws {
        var spec = try TestSupport.spec()
        let index = try #require(spec.services.firstIndex { $0.name == "gateway" })
        spec.services[index].runAsUser = 101
        let text = TestSupport.render(spec)["kubernetes/gateway.yaml"] ?? ""
        let deployment = try #require(try TestSupport.object("Deployment", "gateway", in: text))
        let context = TestSupport.value(deployment, "spec", "template", "spec", "securityContext") as? [String: Any]
        #expect(context?["runAsUser"] as? Int == 101)
        #expect(context?["fsGroup"] as? Int == 101)
        #expect(context?["runAsNonRoot"] as? Bool == true)
    }

    @Test func gatewayMountsNginxConfigFromItsConfigMap() throws {
        let text = TestSupport.render(try TestSupport.spec())["kubernetes/gateway.yaml"] ?? ""
        let configMap = try #require(try TestSupport.object("ConfigMap", "gateway-config", in: text))
        #expect(TestSupport.value(configMap, "data", "nginx.conf") as? String == TestSupport.gatewayConfig)
        #expect(text.contains("mountPath: /etc/nginx/nginx.conf\n          subPath: nginx.conf\n"))
        #expect(!text.contains("envFrom"))
    }

    @Test func externalDatastoresAreReachedByHostAndCIDR() throws {
        var spec = try TestSupport.spec()
        spec.datastores = spec.datastores.map { datastore in
            var datastore = datastore
            datastore.placement = .external
            datastore.host = "db.example.com"
            datastore.cidr = "10.20.0.0/24"
            datastore.sslmode = nil
            datastore.user = "ers app"
            return datastore
        }
        let text = TestSupport.render(spec)["kubernetes/auth.yaml"] ?? ""
        #expect(text.contains("value: postgres://ers%20app@db.example.com:5432/ers?sslmode=verify-full\n"))
        #expect(text.contains("value: redis://ers%20app@db.example.com:6379\n"))
        #expect(text.contains("cidr: 10.20.0.0/24\n"))
    }

    @Test func exposureOptionOverridesTheSpec() throws {
        let spec = try TestSupport.spec()
        #expect(spec.gateway.exposure?.kind == .httpRoute)
        let route = TestSupport.render(spec)["kubernetes/gateway-route.yaml"] ?? ""
        #expect(route.contains("kind: HTTPRoute\n"))
        let ingress = TestSupport.render(spec, options: KubernetesRenderOptions(exposure: .ingress))["kubernetes/gateway-route.yaml"] ?? ""
        #expect(ingress.contains("kind: Ingress\n"))
    }
}
