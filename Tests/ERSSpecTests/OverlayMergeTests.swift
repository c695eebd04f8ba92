import ERSModel
import ERSSpec
import Testing

/// The merge rules of docs/spec.md, "Overlays".
@Suite struct OverlayMergeTests {
    let base = """
        name: ers
        environment: base
        namespace: ers
        labels: {team: reports, tier: backend}
        images: {registry: r.example.com/ers, tag: "1.0.0"}
        services:
          - name: api
            image: {repository: ers-server}
            args: [auth, --verbose]
            ports:
              - {name: http, containerPort: 8080}
              - {name: metrics, containerPort: 9090}
            env:
              - {name: A, value: "1"}
              - {name: B, value: "2"}
            replicas: 2
          - name: worker
            image: {repository: ers-server}
          - name: gw
            image: {repository: nginx, tag: "1.27"}
            ports:
              - {name: http, containerPort: 8081}
        gateway:
          service: gw
          port: http
          auth: {service: api, port: http, verifyPath: /auth/verify}
          routes:
            - {name: one, path: /one, service: api, port: http}
            - {name: two, path: /two, service: api, port: http}
        """

    func load(_ overlay: String) -> SpecLoadResult {
        InMemorySpecs(files: ["env/base.yaml": base, "env/over.yaml": "base: base.yaml\n" + overlay]).load("env/over.yaml")
    }

    @Test func mapsMergeByKey() throws {
        let spec = try #require(load("environment: prod\nlabels: {tier: api}\n").spec)
        #expect(spec.environment == "prod")
        #expect(spec.labels == ["team": "reports", "tier": "api"])
        #expect(spec.images.tag == "1.0.0")
    }

    @Test func nullRemovesAKey() throws {
        let spec = try #require(load("services:\n  - name: api\n    replicas: null\n").spec)
        #expect(spec.service(named: "api")?.replicas == nil)
    }

    @Test func namedListsMergeByName() throws {
        let spec = try #require(load("""
            services:
              - name: api
                ports:
                  - {name: http, containerPort: 8081}
                  - {name: admin, containerPort: 7070}
                env:
                  - {name: B, value: "20"}
                  - {name: C, value: "3"}
              - name: extra
                image: {repository: ers-server}
            """).spec)
        let api = try #require(spec.service(named: "api"))
        #expect(api.ports.map(\.name) == ["http", "metrics", "admin"])
        #expect(api.port(named: "http")?.containerPort == 8081)
        #expect(api.env?.map(\.value) == ["1", "20", "3"])
        #expect(api.replicas == 2)
        #expect(spec.services.map(\.name) == ["api", "worker", "gw", "extra"])
    }

    @Test func replaceMarkerReplacesAWholeList() throws {
        let spec = try #require(load("""
            gateway:
              routes: !replace
                - {name: three, path: /three, service: api, port: http}
            """).spec)
        #expect(spec.gateway.routes.map(\.name) == ["three"])
    }

    @Test func deleteMarkerRemovesANamedElement() throws {
        let spec = try #require(load("services:\n  - !delete {name: worker}\n").spec)
        #expect(spec.services.map(\.name) == ["api", "gw"])
    }

    @Test func plainListsReplace() throws {
        let spec = try #require(load("services:\n  - name: api\n    args: [collection]\n").spec)
        #expect(spec.service(named: "api")?.args == ["collection"])
    }

    @Test func diagnosticsPointAtTheFileThatSetTheValue() throws {
        let result = load("services:\n  - name: api\n    replicas: -1\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.location == SourceLocation(file: "env/over.yaml", line: 4, column: 15))
        #expect(diagnostic.path.description == "services[api].replicas")
    }

    @Test func aBaseCycleIsAnError() {
        let result = InMemorySpecs(files: ["a.yaml": "base: b.yaml\n", "b.yaml": "base: a.yaml\n"]).load("a.yaml")
        #expect(result.hasErrors)
        #expect(result.diagnostics.contains { $0.message.contains("cannot include itself") })
    }

    /// A base that cannot be read is reported at the `base:` line that names it — the line to
    /// fix — not at line 1 of a file that does not exist.
    @Test func aMissingBaseIsAnErrorAtTheBaseLine() throws {
        let result = InMemorySpecs(files: ["env/a.yaml": "name: ers\nbase: nope.yaml\n"]).load("env/a.yaml")
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: "env/a.yaml", line: 2, column: 7))
        #expect(diagnostic.path.description == "base")
        #expect(diagnostic.message.contains("'nope.yaml'"))
        #expect(diagnostic.message.contains("env/nope.yaml"))
    }

    /// The file given on the command line is still reported as itself.
    @Test func aMissingSpecFileIsAnError() {
        let result = InMemorySpecs(files: [:]).load("gone.yaml")
        #expect(result.diagnostics.map(\.location) == [SourceLocation(file: "gone.yaml", line: 1, column: 1)])
        #expect(result.diagnostics.first?.message.contains("cannot read the spec file") == true)
    }
}
