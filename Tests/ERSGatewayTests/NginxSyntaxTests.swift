import ERSGateway
import Foundation
import Testing

/// The real `nginx -t` accepts the rendered configs.
@Suite(.enabled(if: NginxCheck.binary != nil, "needs nginx: apt-get install -y nginx"))
struct NginxSyntaxTests {
    /// Upstreams on 127.0.0.1: no name resolution needed, runs anywhere nginx is installed.
    @Test func loopbackRenderPasses() throws {
        let spec = try Fixtures.baseSpec()
        let prefix = try NginxCheck.makePrefix()
        defer { try? FileManager.default.removeItem(at: prefix.url) }
        let text = try Fixtures.renderer().render(spec, target: Fixtures.loopbackTarget(for: spec), paths: prefix.paths)
        let result = try NginxCheck.test(text, prefix: prefix.url)
        #expect(result.status == 0, "\(result.output)")
    }

    /// Weighted and `down` servers, as the rollout executor renders them.
    @Test func explicitServersRenderPasses() throws {
        let prefix = try NginxCheck.makePrefix()
        defer { try? FileManager.default.removeItem(at: prefix.url) }
        let text = try Fixtures.renderer().render(Fixtures.baseSpec(), target: GatewayRoutingTests.canaryTarget, paths: prefix.paths)
        let result = try NginxCheck.test(text, prefix: prefix.url)
        #expect(result.status == 0, "\(result.output)")
    }

    /// The Kubernetes and compose renders with their real host names, resolved through a stub
    /// `/etc/hosts` in a private mount namespace (nginx resolves upstream names at load time).
    @Test(.enabled(if: NginxCheck.canStubHosts, "needs unshare -m (root)"), arguments: [GatewayTarget.kubernetes(), .compose])
    func targetRenderPasses(target: GatewayTarget) throws {
        let spec = try Fixtures.baseSpec()
        let prefix = try NginxCheck.makePrefix()
        defer { try? FileManager.default.removeItem(at: prefix.url) }
        let config = try Fixtures.renderer().renderConfig(spec, target: target, paths: prefix.paths)
        let hosts = config.routing.upstreams.flatMap(\.servers).compactMap { $0.address.split(separator: ":").first.map(String.init) }
        let result = try NginxCheck.test(config.text, prefix: prefix.url, hosts: hosts)
        #expect(result.status == 0, "\(result.output)")
    }

    /// Without the stub, an unresolvable upstream name fails the check: the names are real.
    @Test(.enabled(if: NginxCheck.canStubHosts, "needs unshare -m (root)"))
    func unresolvableUpstreamFails() throws {
        let spec = try Fixtures.baseSpec()
        let prefix = try NginxCheck.makePrefix()
        defer { try? FileManager.default.removeItem(at: prefix.url) }
        let text = try Fixtures.renderer().render(spec, target: .kubernetes(), paths: prefix.paths)
        let result = try NginxCheck.test(text, prefix: prefix.url, hosts: ["unrelated.invalid"])
        #expect(result.status != 0)
        #expect(result.output.contains("host not found in upstream"))
    }
}
