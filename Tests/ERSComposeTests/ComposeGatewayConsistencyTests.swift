import ERSCompose
import ERSGateway
import ERSModel
import Testing

/// The compose file and the compose-target nginx.conf agree.
@Suite struct ComposeGatewayConsistencyTests {
    @Test func everyUpstreamResolvesToADeclaredServiceAndPort() throws {
        let spec = try Fixtures.baseSpec()
        let config = try Fixtures.gatewayConfig(spec)
        let services = try Fixtures.compose(spec).mapping("services")
        let gatewayDependencies = services.mapping(spec.gateway.service).mapping("depends_on")
        #expect(!config.routing.upstreams.isEmpty)
        for upstream in config.routing.upstreams {
            for server in upstream.servers {
                let parts = server.address.split(separator: ":")
                let host = String(parts[0]), port = Int(parts[1])
                #expect(services[host] != nil, "upstream \(upstream.name): \(host) is not a compose service")
                let service = try #require(spec.service(named: host))
                #expect(service.ports.contains { $0.containerPort == port }, "upstream \(upstream.name): \(server.address)")
                #expect(gatewayDependencies[host] != nil, "the gateway must start after \(host)")
            }
        }
    }

    @Test func gatewayListensOnItsPublishedTarget() throws {
        let spec = try Fixtures.baseSpec()
        let config = try Fixtures.gatewayConfig(spec)
        let ports = try Fixtures.compose(spec).mapping("services").mapping(spec.gateway.service)["ports"] as? [[String: Any]]
        #expect(ports?.map { $0["target"] as? Int } == [config.routing.listenPort])
    }
}
