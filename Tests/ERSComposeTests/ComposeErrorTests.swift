import ERSCompose
import ERSModel
import Testing

/// Problems are collected, each with its field path.
@Suite struct ComposeErrorTests {
    @Test func everyProblemIsReported() throws {
        var spec = try Fixtures.baseSpec()
        let auth = try #require(spec.services.firstIndex { $0.name == "auth" })
        spec.services[auth].datastores = ["postgres", "mongo"]
        spec.services[auth].probes?.readiness?.port = "grpc"
        spec.services[auth].resources?.limits?.cpu = try Quantity(parsing: "0")
        let error = try #require(throws: ComposeRenderError.self) { try ComposeRenderer().render(spec) }
        #expect(error.diagnostics.map(\.path.description) == [
            "services[auth].datastores[1]", "services[auth].probes.readiness.port", "services[auth].resources.limits.cpu",
        ])
    }
}
