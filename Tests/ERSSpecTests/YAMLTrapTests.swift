import ERSModel
import ERSSpec
import Testing

/// YAML 1.1 readings that must never silently change a value.
@Suite struct YAMLTrapTests {
    func load(_ extra: String) -> SpecLoadResult {
        InMemorySpecs(files: ["s.yaml": InMemorySpecs.minimal(extra)]).load("s.yaml")
    }

    func env(_ value: String) -> SpecLoadResult {
        InMemorySpecs(files: ["s.yaml": InMemorySpecs.minimal().replacingOccurrences(
            of: "    ports:\n", with: "    env:\n      - name: X\n        value: \(value)\n    ports:\n")]).load("s.yaml")
    }

    @Test(arguments: ["1.10", "0123", "6478e18", "1e3", "0x1F", "12:30", "2024-01-01", "+1", ".5", "null-ish"])
    func numberLikeStringsAreKeptExactlyAsWritten(_ text: String) throws {
        let result = env(text)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.spec?.service(named: "api")?.env?.first?.value == text)
    }

    @Test(arguments: ["no", "No", "NO", "yes", "on", "Off", "y", "n", "Y", "N", "true", "false"])
    func booleanWordsInStringFieldsAreRejectedWithAHint(_ word: String) throws {
        let result = env(word)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.contains("quote it: \"\(word)\""))
        #expect(diagnostic.location?.line == 10)
    }

    @Test(arguments: ["\"no\"", "'on'", "\"1.10\""])
    func quotedValuesAreStrings(_ quoted: String) {
        let result = env(quoted)
        #expect(!result.hasErrors)
        #expect(result.spec?.service(named: "api")?.env?.first?.value == String(quoted.dropFirst().dropLast()))
    }

    @Test(arguments: ["yes", "on", "True", "1"])
    func booleanFieldsTakeOnlyTrueOrFalse(_ word: String) throws {
        let result = InMemorySpecs(files: ["s.yaml": InMemorySpecs.minimal().replacingOccurrences(
            of: "    ports:\n", with: "    publish: \(word)\n    ports:\n")]).load("s.yaml")
        #expect(result.hasErrors)
        #expect(result.diagnostics.first?.path.description == "services[api].publish")
    }

    @Test func integersWithALeadingZeroAreRejected() throws {
        let result = InMemorySpecs(files: ["s.yaml": InMemorySpecs.minimal().replacingOccurrences(
            of: "containerPort: 8080", with: "containerPort: 08080")]).load("s.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message.contains("octal"))
    }

    @Test func quotedIntegersAreRejected() throws {
        let result = InMemorySpecs(files: ["s.yaml": InMemorySpecs.minimal().replacingOccurrences(
            of: "containerPort: 8080", with: "containerPort: \"8080\"")]).load("s.yaml")
        #expect(result.diagnostics.first?.message.contains("remove the quotes") == true)
    }
}
