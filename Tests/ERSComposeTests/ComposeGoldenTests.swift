import ERSCompose
import Testing

/// compose.yaml of base.yaml against its golden file.
@Suite struct ComposeGoldenTests {
    @Test func baseRender() throws {
        try Golden.check(Fixtures.composeText(Fixtures.baseSpec()), against: "base/compose.yaml")
    }

    @Test func renderIsDeterministic() throws {
        let spec = try Fixtures.baseSpec()
        #expect(try Fixtures.composeText(spec) == Fixtures.composeText(spec))
    }
}
