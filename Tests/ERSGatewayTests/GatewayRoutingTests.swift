import ERSGateway
import ERSModel
import Testing

/// Upstreams and locations derived from the gateway spec.
@Suite struct GatewayRoutingTests {
    @Test func everyUpstreamIsADeclaredServicePort() throws {
        let spec = try Fixtures.baseSpec()
        for target in [GatewayTarget.kubernetes(), .compose] {
            let routing = try GatewayRouting(spec: spec, target: target)
            for upstream in routing.upstreams {
                let service = try #require(spec.service(named: upstream.service), "upstream \(upstream.name)")
                let port = try #require(service.port(named: upstream.port), "upstream \(upstream.name)")
                let expected = target == .kubernetes()
                    ? "\(service.name).\(spec.namespace).svc.cluster.local:\(port.effectiveServicePort)"
                    : "\(service.name):\(port.containerPort)"
                #expect(upstream.servers == [UpstreamServer(address: expected)])
            }
            let routed = Set(spec.gateway.routes.map { GatewayUpstream.name(service: $0.service, port: $0.port) })
            let auth = GatewayUpstream.name(service: spec.gateway.auth.service, port: spec.gateway.auth.port)
            #expect(Set(routing.upstreams.map(\.name)) == routed.union([auth]))
            #expect(Set(routing.locations.map(\.upstream)).isSubset(of: Set(routing.upstreams.map(\.name))))
        }
    }

    @Test func clusterDomainIsTheTargets() throws {
        let routing = try GatewayRouting(spec: Fixtures.baseSpec(), target: .kubernetes(clusterDomain: "corp.internal"))
        #expect(routing.upstreams.first?.servers == [UpstreamServer(address: "auth.ers.svc.corp.internal:80")])
    }

    @Test func baseLocations() throws {
        let routing = try GatewayRouting(spec: Fixtures.baseSpec(), target: .compose)
        let texts = routing.locations.map { "\($0.matchText) \($0.upstream)\($0.isPublic ? " public" : "")" }
        #expect(texts == [
            "= /api/v1/collections collection_http",
            "/api/v1/collections/ collection_http",
            "= /api/v1/audit-logs collection_http",
            "/api/v1/audit-logs/ collection_http",
            "= /api/v1/reports collection_http",
            "/api/v1/reports/ collection_http",
            "= /api/v1/hosts collection_http",
            "/api/v1/hosts/ collection_http",
            "= /auth/login auth_http public",
            "= /auth auth_http",
            "/auth/ auth_http",
        ])
        #expect(routing.listenPort == 8080)
        #expect(routing.authUpstream == "auth_http")
        #expect(!routing.routesRoot)
    }

    @Test func exactRouteTakesTheBarePathOfAPrefixRoute() throws {
        var spec = try Fixtures.baseSpec()
        spec.gateway.routes = [
            Route(name: "docs", path: "/docs/", service: "collection", port: "http"),
            Route(name: "docs-index", path: "/docs", match: .exact, service: "collection", port: "http", public: true),
            Route(name: "everything", path: "/", service: "collection", port: "http"),
        ]
        let routing = try GatewayRouting(spec: spec, target: .compose)
        #expect(routing.locations.map(\.matchText) == ["= /docs", "/docs/", "/"])
        #expect(routing.locations.map(\.route) == ["docs-index", "docs", "everything"])
        #expect(routing.routesRoot)
    }

    @Test func everyProblemIsReported() throws {
        var spec = try Fixtures.baseSpec()
        spec.gateway.auth.verifyPath = "/verify;deny all"
        spec.gateway.routes = [
            Route(name: "ghost", path: "/ghost", service: "nope", port: "http"),
            Route(name: "wrong-port", path: "/w", service: "auth", port: "grpc"),
            Route(name: "injection", path: "/x { return 200; }", service: "auth", port: "http"),
            Route(name: "dots", path: "/a/../b", service: "auth", port: "http"),
            Route(name: "health", path: "/healthz", match: .exact, service: "auth", port: "http"),
            Route(name: "first", path: "/same", service: "auth", port: "http"),
            Route(name: "second", path: "/same/", service: "auth", port: "http"),
        ]
        let error = try #require(throws: GatewayRenderError.self) { try GatewayRouting(spec: spec, target: .compose) }
        let paths = error.diagnostics.map(\.path.description)
        #expect(paths == [
            "gateway.auth.verifyPath",
            "gateway.routes[ghost].service",
            "gateway.routes[wrong-port].port",
            "gateway.routes[injection].path",
            "gateway.routes[dots].path",
            "gateway.routes[health].path",
            "gateway.routes[second].path",
            "gateway.routes[second].path",
        ])
        #expect(error.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func hostTargetNeedsEveryRoutedService() throws {
        let spec = try Fixtures.baseSpec()
        let error = try #require(throws: GatewayRenderError.self) {
            try GatewayRouting(spec: spec, target: .host(address: "127.0.0.1", ports: ["auth": 9000]))
        }
        #expect(error.diagnostics.map(\.path.description).allSatisfy { $0.hasSuffix(".service") })
        #expect(!error.diagnostics.isEmpty)
    }

    /// Two versions of a service side by side, as the rollout executor renders them.
    static let canaryTarget = GatewayTarget.servers([
        "auth": [UpstreamServer(address: "127.0.0.1:9001")],
        "collection": [
            UpstreamServer(address: "127.0.0.1:9002", weight: 9), UpstreamServer(address: "127.0.0.1:9003", weight: 1),
            UpstreamServer(address: "127.0.0.1:9004", isDown: true),
        ],
    ])

    @Test func explicitServersKeepWeightsAndDown() throws {
        let config = try Fixtures.renderer().renderConfig(Fixtures.baseSpec(), target: Self.canaryTarget)
        #expect(config.text.contains("""
                upstream collection_http {
                    server 127.0.0.1:9002 weight=9;
                    server 127.0.0.1:9003 weight=1;
                    server 127.0.0.1:9004 down;
                    keepalive 32;
            """))
        var shifted = Self.canaryTarget
        if case .servers(var servers) = shifted {
            servers["collection"]?[1].weight = 3
            shifted = .servers(servers)
        }
        let next = try Fixtures.renderer().renderConfig(Fixtures.baseSpec(), target: shifted)
        #expect(next.generation != config.generation, "a weight change is a new generation")
    }

    @Test func explicitServersAreChecked() throws {
        let target = GatewayTarget.servers([
            "auth": [UpstreamServer(address: "127.0.0.1:9001; deny all", weight: 0)],
            "collection": [UpstreamServer(address: "127.0.0.1:9002", isDown: true)],
        ])
        let error = try #require(throws: GatewayRenderError.self) { try GatewayRouting(spec: Fixtures.baseSpec(), target: target) }
        let messages = error.diagnostics.map(\.message)
        #expect(messages.count == 3)
        #expect(messages.contains { $0.contains("is not host:port") })
        #expect(messages.contains { $0.contains("has weight 0") })
        #expect(messages.contains { $0.contains("every server of service 'collection' is down") })
    }
}
