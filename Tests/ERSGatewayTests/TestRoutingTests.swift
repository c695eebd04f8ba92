import ERSGateway
import ERSModel
import Foundation
import Testing

/// Test routing of a release: requests with the header or cookie go to an upstream holding only
/// the new version, through a `map` the route's `proxy_pass` reads.
@Suite struct TestRoutingTests {
    static let route = GatewayTestRoute(
        servers: [UpstreamServer(address: "127.0.0.1:9003")],
        header: TestRouteMatch(name: "X-ERS-Canary", value: "always"), cookie: TestRouteMatch(name: "ers_canary", value: "always"))

    @Test func headerAndCookieSelectTheTestUpstream() throws {
        let config = try Fixtures.renderer().renderConfig(
            Fixtures.baseSpec(), target: GatewayRoutingTests.canaryTarget, testRoutes: ["collection": Self.route])
        #expect(config.text.contains("""
                # Test routing of collection: requests with header X-ERS-Canary: always or cookie ers_canary=always go to the new version only.
                upstream collection_http_test {
                    server 127.0.0.1:9003;
                    keepalive 32;
                    keepalive_time 60s;
                    keepalive_timeout 30s;
                }
                map $http_x_ers_canary $ers_route_collection_http_header {
                    default collection_http;
                    \\always collection_http_test;
                }
                map $cookie_ers_canary $ers_route_collection_http {
                    default $ers_route_collection_http_header;
                    \\always collection_http_test;
                }
            """))
        let locations = ConfigText.locations(in: config.text)
        #expect(locations["/api/v1/reports/"]?.contains("proxy_pass http://$ers_route_collection_http;") == true)
        #expect(locations["/auth/"]?.contains("proxy_pass http://auth_http;") == true, "other services keep their upstream")
        let plain = try Fixtures.renderer().renderConfig(Fixtures.baseSpec(), target: GatewayRoutingTests.canaryTarget)
        #expect(plain.generation != config.generation)
        #expect(!plain.text.contains("_test"))
    }

    @Test func aHeaderAloneNeedsOneMap() throws {
        let route = GatewayTestRoute(servers: Self.route.servers, header: Self.route.header)
        let config = try Fixtures.renderer().renderConfig(Fixtures.baseSpec(), target: GatewayRoutingTests.canaryTarget, testRoutes: ["collection": route])
        #expect(config.text.contains("map $http_x_ers_canary $ers_route_collection_http {"))
        #expect(!config.text.contains("$cookie_"))
    }

    @Test func badTestRoutesAreErrors() throws {
        let routes = [
            "nope": Self.route,
            "collection": GatewayTestRoute(servers: [UpstreamServer(address: "127.0.0.1:9003", isDown: true)], header: TestRouteMatch(name: "X;Y", value: "a b")),
        ]
        let error = try #require(throws: GatewayRenderError.self) {
            try Fixtures.renderer().renderConfig(Fixtures.baseSpec(), target: GatewayRoutingTests.canaryTarget, testRoutes: routes)
        }
        #expect(error.diagnostics.map(\.path.description) == ["services[collection].rollout.testRouting", "services[nope].rollout.testRouting"])
        #expect(error.diagnostics[0].message.contains("no test server takes traffic"))
        #expect(error.diagnostics[0].message.contains("cannot be matched"))
        #expect(error.diagnostics[1].message.contains("the gateway routes nothing to service 'nope'"))
    }

    @Test(.enabled(if: NginxCheck.binary != nil, "needs nginx: apt-get install -y nginx"))
    func nginxAcceptsTheTestRouting() throws {
        let prefix = try NginxCheck.makePrefix()
        defer { try? FileManager.default.removeItem(at: prefix.url) }
        let text = try Fixtures.renderer().render(
            Fixtures.baseSpec(), target: GatewayRoutingTests.canaryTarget, paths: prefix.paths, testRoutes: ["collection": Self.route])
        let result = try NginxCheck.test(text, prefix: prefix.url)
        #expect(result.status == 0, "\(result.output)")
    }
}
