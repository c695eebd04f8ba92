import ERSCompose
import ERSModel
import Testing

/// `$` in values: Kubernetes `$(VAR)` references expanded at render time, every remaining `$`
/// written `$$` so compose's interpolation gives the container the Kubernetes value.
@Suite struct ComposeInterpolationTests {
    static func spec() throws -> SystemSpec {
        var spec = try Fixtures.baseSpec()
        let index = try #require(spec.services.firstIndex { $0.name == "auth" })
        spec.services[index].env = [
            EnvVar(name: "HTTP_PORT", value: "8080"),
            EnvVar(name: "PUBLIC_URL", value: "http://localhost:$(HTTP_PORT)/"),
            EnvVar(name: "PRICE", value: "costs $5 or ${FIVE}"),
            EnvVar(name: "ESCAPED", value: "$$(HTTP_PORT) stays"),
            EnvVar(name: "UNKNOWN", value: "$(NOT_DEFINED)"),
            EnvVar(name: "FROM_CONFIG", value: "level=$(LOG_LEVEL)"),
            EnvVar(name: "LATER", value: "$(DEFINED_LATER)"),
            EnvVar(name: "DEFINED_LATER", value: "x"),
        ]
        spec.services[index].config?["PATTERN"] = "^user-[a-z]+$"
        spec.services[index].args = ["auth", "--port=$(HTTP_PORT)", "--price=$5"]
        return spec
    }

    @Test func valuesReachTheContainerAsKubernetesWouldSetThem() throws {
        let auth = try Fixtures.compose(Self.spec()).mapping("services").mapping("auth")
        // What compose hands the container: the file's value with `$$` read as `$`.
        let environment = auth.strings("environment").mapValues(Self.composeInterpolated)
        #expect(environment["PUBLIC_URL"] == "http://localhost:8080/")
        #expect(environment["PRICE"] == "costs $5 or ${FIVE}")
        #expect(environment["ESCAPED"] == "$(HTTP_PORT) stays")
        #expect(environment["UNKNOWN"] == "$(NOT_DEFINED)")
        #expect(environment["FROM_CONFIG"] == "level=info")
        #expect(environment["LATER"] == "$(DEFINED_LATER)", "only earlier variables are expanded")
        #expect(environment["PATTERN"] == "^user-[a-z]+$")
        #expect((auth["command"] as? [String])?.map(Self.composeInterpolated) == ["auth", "--port=8080", "--price=$5"])
    }

    @Test func everyDollarInTheFileIsEscaped() throws {
        let text = try Fixtures.composeText(Self.spec())
        #expect(text.contains("PRICE: costs $$5 or $${FIVE}\n"))
        #expect(text.contains("PATTERN: ^user-[a-z]+$$\n"))
        // Outside `$$` pairs no `$` is left for compose to interpolate.
        #expect(!text.replacingOccurrences(of: "$$", with: "").contains("$"))
    }

    @Test func redisScriptsAreEscapedToo() throws {
        let text = try Fixtures.composeText(Fixtures.baseSpec())
        #expect(text.contains("$$ERS_REDIS_PASSWORD_FILE"))
        #expect(!text.replacingOccurrences(of: "$$", with: "").contains("$"))
        let redis = try Fixtures.compose(Fixtures.baseSpec()).mapping("services").mapping("redis")
        let script = try #require((redis["entrypoint"] as? [String])?.last)
        #expect(Self.composeInterpolated(script).contains(#"exec redis-server --port "$ERS_REDIS_PORT""#))
    }

    /// Compose's reading of a value with no variables in it: `$$` is a literal `$`.
    static func composeInterpolated(_ value: String) -> String {
        value.replacingOccurrences(of: "$$", with: "$")
    }
}
