import ERSModel
import ERSSpec
import Testing

/// Unknown and duplicate keys, and collecting every problem in one run.
@Suite struct DiagnosticsTests {
    @Test func unknownKeysSuggestTheClosestKnownKey() throws {
        let text = InMemorySpecs.minimal().replacingOccurrences(of: "    ports:\n", with: "    replcas: 2\n    ports:\n")
        let result = InMemorySpecs(files: ["s.yaml": text]).load("s.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.description == "s.yaml:8:5: error: services[api].replcas: unknown key 'replcas' in Service; did you mean 'replicas'?")
    }

    @Test func duplicateKeysNameBothPlaces() throws {
        let text = "namespace: a\n" + InMemorySpecs.minimal()
        let result = InMemorySpecs(files: ["s.yaml": text]).load("s.yaml")
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("duplicate key") })
        #expect(diagnostic.location == SourceLocation(file: "s.yaml", line: 4, column: 1))
        #expect(diagnostic.related == [SourceLocation(file: "s.yaml", line: 1, column: 1)])
        #expect(diagnostic.path.description == "namespace")
    }

    @Test func duplicateKeysInNestedAndFlowMappings() throws {
        let text = InMemorySpecs.minimal().replacingOccurrences(
            of: "{name: http, containerPort: 8080}", with: "{name: http, containerPort: 8080, name: web}")
        let result = InMemorySpecs(files: ["s.yaml": text]).load("s.yaml")
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("duplicate key 'name'") })
        #expect(diagnostic.location?.line == 9)
        #expect(diagnostic.related.first?.line == 9)
    }

    @Test func everyProblemIsReportedInOneRun() {
        let text = InMemorySpecs.minimal()
            .replacingOccurrences(of: "namespace: ers-test", with: "namespace: ers-test\nnamespce: x")
            .replacingOccurrences(of: "containerPort: 8080", with: "containerPort: 70000")
            .replacingOccurrences(of: "service: api, port: http}", with: "service: nope, port: http}")
        let result = InMemorySpecs(files: ["s.yaml": text]).load("s.yaml")
        #expect(result.diagnostics.count == 3, "\(result.diagnostics)")
    }

    @Test func syntaxErrorsHaveAPosition() throws {
        let result = InMemorySpecs(files: ["s.yaml": "name: [unclosed\n"]).load("s.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message.hasPrefix("not valid YAML"))
        #expect(diagnostic.location?.file == "s.yaml")
    }

    @Test func theRepositorysEnvironmentsLoadWithoutErrors() throws {
        for name in ["base", "development", "staging", "production"] {
            let path = InMemorySpecs.environments.appendingPathComponent("\(name).yaml").path
            let result = SpecLoader().load(path: path)
            #expect(!result.hasErrors, "\(name): \(result.diagnostics)")
            #expect(result.spec?.services.map(\.name) == ["gateway", "auth", "collection", "worker", "scheduler"])
        }
    }

    @Test func productionOverlaysTheSeedsAutoscaling() throws {
        let path = InMemorySpecs.environments.appendingPathComponent("production.yaml").path
        let spec = try #require(SpecLoader().load(path: path).spec)
        let hpa = try #require(spec.service(named: "collection")?.autoscaling)
        #expect(hpa.minReplicas == 3 && hpa.maxReplicas == 50)
        #expect(hpa.behavior?.scaleUp?.stabilizationWindowSeconds == 60)
        #expect(hpa.behavior?.scaleDown?.policies?.first?.value == 10)
        #expect(spec.datastore(named: "postgres")?.placement == .external)
        #expect(spec.datastore(named: "postgres")?.image == nil)
        #expect(spec.datastore(named: "postgres")?.database == "ers")
    }
}
