import ERSModel
import Testing

/// The model is a library: a spec can be built in Swift code and validated without YAML.
@Suite struct SpecInSwiftTests {
    static func spec(apiName: String = "api", minReplicas: Int = 2, maxReplicas: Int = 5) -> SystemSpec {
        let http = ContainerPort(name: "http", containerPort: 8080, servicePort: 80)
        let api = Service(
            name: apiName, image: ImageReference(repository: "ers-server"), command: ["ers-server"], args: ["auth"],
            ports: [http], env: [EnvVar(name: "HTTP_PORT", value: "8080")],
            resources: ResourceRequirements(requests: ResourceList(cpu: .cpu(millicores: 250), memory: .bytes(128 << 20))),
            probes: Probes(liveness: Probe(path: "/health", port: "http"), readiness: Probe(path: "/ready", port: "http")),
            autoscaling: Autoscaling(minReplicas: minReplicas, maxReplicas: maxReplicas, metrics: [ResourceMetric(resource: .cpu, averageUtilization: 70)]),
            disruptionBudget: DisruptionBudget(maxUnavailable: .count(1)))
        let nginx = Service(name: "gateway", image: ImageReference(repository: "nginx", tag: "1.27"), ports: [http])
        let gateway = Gateway(
            service: "gateway", port: "http", auth: GatewayAuth(service: apiName, port: "http", verifyPath: "/auth/verify"),
            routes: [Route(name: "api", path: "/api", service: apiName, port: "http")])
        return SystemSpec(
            name: "ers", environment: "test", namespace: "ers-test",
            images: ImageDefaults(registry: "registry.example.com/ers", tag: "1.0.0"), services: [nginx, api], gateway: gateway)
    }

    @Test func aSoundSpecHasNoDiagnostics() {
        #expect(Self.spec().validate().isEmpty)
    }

    @Test func problemsComeBackWithFieldPaths() {
        let diagnostics = Self.spec(apiName: "API_Server", minReplicas: 9, maxReplicas: 3).validate()
        let paths = Set(diagnostics.map(\.path.description))
        #expect(paths.contains("services[API_Server].name"))
        #expect(paths.contains("services[API_Server].autoscaling.minReplicas"))
        #expect(diagnostics.allSatisfy { $0.location == nil && $0.severity == .error })
    }

    @Test func imagesResolveAgainstTheDefaults() {
        let spec = Self.spec()
        #expect(spec.resolvedImage(spec.services[1].image) == "registry.example.com/ers/ers-server:1.0.0")
        #expect(spec.resolvedImage(ImageReference(repository: "docker.io/library/postgres", tag: "15.10")) == "docker.io/library/postgres:15.10")
    }

    @Test func quantitiesCompareAcrossUnits() throws {
        var spec = Self.spec()
        spec.services[1].resources = ResourceRequirements(
            requests: ResourceList(cpu: .cpu(millicores: 250), memory: try Quantity(parsing: "1Gi")), limits: ResourceList(memory: try Quantity(parsing: "1000M")))
        #expect(spec.validate().map(\.path.description) == ["services[api].resources.requests.memory"])
    }
}
