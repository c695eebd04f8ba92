import ERSGateway
import Testing

/// The rendered configs of base.yaml, for each target, against golden files.
@Suite struct NginxConfigGoldenTests {
    @Test(arguments: [("kubernetes", GatewayTarget.kubernetes()), ("compose", GatewayTarget.compose)])
    func baseRender(name: String, target: GatewayTarget) throws {
        let config = try Fixtures.renderer().render(Fixtures.baseSpec(), target: target)
        try Golden.check(config, against: "base/\(name)/nginx.conf")
    }

    @Test func renderIsDeterministic() throws {
        let spec = try Fixtures.baseSpec()
        let first = try Fixtures.renderer().renderConfig(spec, target: .kubernetes())
        let second = try Fixtures.renderer().renderConfig(spec, target: .kubernetes())
        #expect(first == second)
    }
}
