import ERSGateway
import ERSModel
import ERSRender
import Foundation
import Testing

/// What the rendered config says, checked on its text.
@Suite struct NginxConfigContentTests {
    @Test func protectedRoutesAskAuthAndPublicRoutesDoNot() throws {
        let spec = try Fixtures.baseSpec()
        let config = try Fixtures.renderer().renderConfig(spec, target: .compose)
        let blocks = ConfigText.locations(in: config.text)
        for location in config.routing.locations {
            let body = try #require(blocks[location.matchText], "location \(location.matchText)")
            #expect(body.contains("auth_request /_auth;") == !location.isPublic, "location \(location.matchText)")
            #expect(body.contains("auth_request_set $ers_user $upstream_http_x_user;") == !location.isPublic)
            #expect(body.contains("auth_request_set $ers_roles $upstream_http_x_roles;") == !location.isPublic)
            #expect(body.contains("limit_req zone=ers_per_client burst=40 nodelay;"))
            #expect(body.last == "proxy_pass http://\(location.upstream);")
            // A proxy_set_header here would drop every inherited one, X-User clearing included.
            #expect(!body.contains { $0.hasPrefix("proxy_set_header") })
        }
        #expect(blocks["= /auth/login"]?.contains("auth_request /_auth;") == false)
    }

    @Test func identityHeadersNeverComeFromTheClient() throws {
        let text = try Fixtures.renderer().render(Fixtures.baseSpec(), target: .compose)
        #expect(text.contains("        set $ers_user \"\";\n        set $ers_roles \"\";\n"))
        #expect(text.contains("    proxy_set_header X-User $ers_user;\n    proxy_set_header X-Roles $ers_roles;\n"))
        let auth = try #require(ConfigText.locations(in: text)["= /_auth"])
        #expect(auth.contains("internal;"))
        #expect(auth.contains("proxy_pass http://auth_http/auth/verify;"))
        #expect(auth.contains("proxy_pass_request_body off;"))
        #expect(auth.contains("proxy_set_header Content-Length \"\";"))
        #expect(auth.contains("proxy_set_header X-Original-URI $request_uri;"))
        #expect(auth.contains("proxy_set_header X-Original-Method $request_method;"))
        #expect(auth.contains("proxy_set_header X-User \"\";"))
        #expect(auth.contains("proxy_set_header X-Roles \"\";"))
    }

    @Test func targetsDifferOnlyInUpstreamAddresses() throws {
        let spec = try Fixtures.baseSpec()
        let kubernetes = try Fixtures.renderer().renderConfig(spec, target: .kubernetes())
        let compose = try Fixtures.renderer().renderConfig(spec, target: .compose)
        #expect(kubernetes.generation != compose.generation)
        #expect(ConfigText.withoutAddresses(kubernetes.text, generation: kubernetes.generation)
            == ConfigText.withoutAddresses(compose.text, generation: compose.generation))
        #expect(kubernetes.text.contains("        server auth.ers.svc.cluster.local:80;\n"))
        #expect(compose.text.contains("        server auth:8080;\n"))
    }

    @Test func generationIsTheHashOfTheConfigWithoutIt() throws {
        let config = try Fixtures.renderer().renderConfig(Fixtures.baseSpec(), target: .kubernetes())
        #expect(config.generation.count == 16)
        let health = try #require(ConfigText.locations(in: config.text)["= /healthz"])
        #expect(health.contains("set $ers_config_generation \"\(config.generation)\";"))
        #expect(health.contains("return 200 \"ok\\n\";"))
        let blank = config.text.replacingOccurrences(of: config.generation, with: "")
        #expect(String(Checksum.sha256Hex(blank).prefix(16)) == config.generation)
    }

    @Test func limitsAndTimeoutsComeFromTheSpec() throws {
        var spec = try Fixtures.baseSpec()
        let text = try Fixtures.renderer().render(spec, target: .compose)
        for line in [
            "worker_processes 1;", "client_max_body_size 10m;", "proxy_connect_timeout 5s;", "proxy_send_timeout 60s;",
            "proxy_read_timeout 60s;", "limit_req_zone $binary_remote_addr zone=ers_per_client:10m rate=20r/s;",
            "limit_req_status 429;", "listen 8080 default_server;", "server_tokens off;", "keepalive 32;",
            "proxy_http_version 1.1;", "proxy_set_header Connection \"\";", "proxy_next_upstream error timeout;",
        ] {
            #expect(text.contains(line + "\n"), "\(line)")
        }
        spec.gateway.rateLimit = nil
        spec.gateway.clientMaxBodySize = try Quantity(parsing: "1500000")
        spec.gateway.timeouts = GatewayTimeouts(readSeconds: 300)
        spec.services[0].resources = nil
        let other = try Fixtures.renderer().render(spec, target: .compose)
        #expect(!other.contains("limit_req"))
        #expect(other.contains("client_max_body_size 1500000;\n"))
        #expect(other.contains("proxy_read_timeout 300s;\n"))
        #expect(other.contains("worker_processes auto;\n"))
    }

    @Test func badValuesAreAllReported() throws {
        var spec = try Fixtures.baseSpec()
        spec.gateway.clientMaxBodySize = try Quantity(parsing: "0")
        spec.gateway.rateLimit = RateLimit(requestsPerSecond: 0, burst: -1)
        spec.gateway.timeouts = GatewayTimeouts(connectSeconds: 0)
        let error = try #require(throws: GatewayRenderError.self) { try Fixtures.renderer().render(spec, target: .compose) }
        #expect(error.diagnostics.map(\.path.description) == [
            "gateway.clientMaxBodySize", "gateway.rateLimit.requestsPerSecond", "gateway.rateLimit.burst", "gateway.timeouts.connectSeconds",
        ])
        spec = try Fixtures.baseSpec()
        spec.gateway.clientMaxBodySize = try Quantity(parsing: "1500m")
        #expect(throws: GatewayRenderError.self) { try Fixtures.renderer().render(spec, target: .compose) }
    }

    /// Every log line is one JSON object, whatever the upstream variables hold: empty (no
    /// upstream), one address, or lists after a retry.
    @Test(arguments: [
        ("", "", ""),
        ("10.0.0.7:8080", "200", "0.004"),
        ("10.0.0.7:8080, 10.0.0.8:8080", "502, 200", "0.001, 0.004"),
        ("auth_http", "-", "-"),
    ])
    func accessLogLinesAreJSON(address: String, status: String, time: String) throws {
        let text = try Fixtures.renderer().render(Fixtures.baseSpec(), target: .compose)
        let format = try #require(Self.logFormat(in: text))
        let values = [
            "$time_iso8601": "2025-01-31T23:59:59+00:00", "$ers_request_id": "0123abcd", "$remote_addr": "127.0.0.1",
            "$request_method": "GET", "$uri": "/api/v1/hosts", "$status": "200", "$request_time": "0.004",
            "$proxy_host": "collection_http", "$upstream_addr": address, "$upstream_status": status,
            "$upstream_response_time": time, "$body_bytes_sent": "0",
        ]
        var line = format
        for (name, value) in values.sorted(by: { $0.key.count > $1.key.count }) {
            line = line.replacingOccurrences(of: name, with: value)
        }
        #expect(!line.contains("$"), "unreplaced variable in \(line)")
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["upstream_addr"] as? String == address)
        #expect(object?["status"] as? Int == 200)
        #expect(Set(object?.keys.map { $0 } ?? []) == [
            "time", "request_id", "remote_addr", "method", "uri", "status", "request_time", "upstream",
            "upstream_addr", "upstream_status", "upstream_response_time", "bytes_sent", "config_generation",
        ])
        #expect(object?["config_generation"] as? String == Self.generation(in: text))
    }

    /// The generation in the config's header comment.
    static func generation(in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("# Config generation ") }?.split(separator: " ")[3].description
    }

    /// The `ers_json` format string: its quoted pieces joined.
    static func logFormat(in text: String) -> String? {
        guard let start = text.range(of: "log_format ers_json escape=json "), let end = text[start.upperBound...].range(of: ";\n") else { return nil }
        let pieces = text[start.upperBound..<end.lowerBound].split(separator: "'", omittingEmptySubsequences: false)
        return stride(from: 1, to: pieces.count, by: 2).map { String(pieces[$0]) }.joined()
    }
}
