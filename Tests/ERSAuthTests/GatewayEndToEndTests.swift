import ERSAuth
import ERSGateway
import ERSModel
import ERSServerCore
import ERSSpec
import Foundation
import Hummingbird
import Logging
import Testing

/// The nginx config `ersctl render` produces for environments/development.yaml (the
/// ERSGateway renderer and its bundled template, as `ersctl render` runs them), run by a real
/// nginx in front of the real auth service and a tiny upstream that echoes what it receives.
@Suite("End to end through the rendered nginx gateway")
struct GatewayEndToEndTests {
    @Test(.timeLimit(.minutes(3))) func protectedRouteNeedsATokenAndTheUpstreamSeesTheUser() async throws {
        guard let nginx = TestServices.nginx(), let harness = try await AuthHarness.start() else { return }
        let upstreamRuntime = try ServerRuntime(configuration: .init(httpPort: 0), logger: Logger(label: "test.upstream"))
        let echo = upstreamRuntime.makeRouter(checks: [])
        echo.get("/api/v1/hosts") { request, _ -> Response in
            let seen = ["x-user": request.headers[HTTPFieldName("X-User")!] ?? "", "x-roles": request.headers[HTTPFieldName("X-Roles")!] ?? "",
                        "authorization": request.headers[.authorization] ?? ""]
            let data = try JSONSerialization.data(withJSONObject: seen, options: [.sortedKeys])
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        let upstream = try await LiveServer.start(runtime: upstreamRuntime, router: echo)

        // Render exactly as `ersctl render` does, with every upstream on loopback.
        let loaded = SpecLoader().load(path: TestServices.repositoryRoot.appendingPathComponent("environments/development.yaml").path)
        var spec = try #require(loaded.spec, "\(loaded.diagnostics)")
        let listenPort = try FreePort.find()
        let gatewayIndex = try #require(spec.services.firstIndex { $0.name == spec.gateway.service })
        let portIndex = try #require(spec.services[gatewayIndex].ports.firstIndex { $0.name == spec.gateway.port })
        spec.services[gatewayIndex].ports[portIndex].containerPort = listenPort
        var ports: [String: Int] = [:]
        for service in spec.services { ports[service.name] = service.name == spec.gateway.auth.service ? harness.server.port : upstream.port }
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("ers-e2e-\(UUID().uuidString.prefix(8))")
        for sub in ["logs", "tmp"] { try FileManager.default.createDirectory(at: prefix.appendingPathComponent(sub), withIntermediateDirectories: true) }
        let paths = NginxPaths(pidFile: prefix.appendingPathComponent("nginx.pid").path, tempDirectory: prefix.appendingPathComponent("tmp").path,
                               accessLog: prefix.appendingPathComponent("logs/access.log").path, errorLog: prefix.appendingPathComponent("logs/error.log").path)
        let config = try NginxConfigRenderer.bundled().render(spec, target: .host(address: "127.0.0.1", ports: ports), paths: paths)
        let file = prefix.appendingPathComponent("nginx.conf")
        try config.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nginx)
        process.arguments = ["-p", prefix.path + "/", "-e", paths.errorLog, "-c", file.path, "-g", "daemon off;"]
        try process.run()
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: prefix)
        }
        let gateway = "http://127.0.0.1:\(listenPort)"
        var up = false
        for _ in 0..<100 {
            if (try? await RawHTTP.send("GET", gateway + "/healthz"))?.status == 200 { up = true; break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(up, "nginx did not start: \((try? String(contentsOfFile: paths.errorLog, encoding: .utf8)) ?? "")")

        let name = AuthHarness.uniqueName("heidi"), password = "heidi's own passphrase"
        _ = try await harness.administration.add(username: name, password: password, roles: ["admin", "reader"])

        // No token: 401 from the gateway, the upstream never asked.
        let denied = try await RawHTTP.send("GET", gateway + "/api/v1/hosts")
        #expect(denied.status == 401 && denied.json?["error"] as? String == "unauthorized")
        let forgedOnly = try await RawHTTP.send("GET", gateway + "/api/v1/hosts", headers: [("X-User", "root"), ("Authorization", "Bearer forged.token.value")])
        #expect(forgedOnly.status == 401)

        // Login through the public route, then the protected route with the token.
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["username": name, "password": password]), as: UTF8.self)
        let login = try await RawHTTP.send("POST", gateway + "/auth/login", headers: [("Content-Type", "application/json")], body: body)
        #expect(login.status == 200, "\(login.body)")
        let token = try #require(login.json?["access_token"] as? String)
        let allowed = try await RawHTTP.send("GET", gateway + "/api/v1/hosts", headers: [("Authorization", "Bearer \(token)"), ("X-User", "mallory"), ("X-Roles", "root")])
        #expect(allowed.status == 200, "\(allowed.body)")
        #expect(allowed.json?["x-user"] as? String == name)
        #expect(allowed.json?["x-roles"] as? String == "admin,reader")

        // Logout through the gateway (a protected route itself), then the token is refused.
        let logout = try await RawHTTP.send("POST", gateway + "/auth/logout", headers: [("Authorization", "Bearer \(token)")])
        #expect(logout.status == 200, "\(logout.body)")
        #expect(try await RawHTTP.send("GET", gateway + "/api/v1/hosts", headers: [("Authorization", "Bearer \(token)")]).status == 401)
        try await harness.expectNoSecretsInLogsOrAudit([password, token])
        await upstream.stop()
        await harness.stop()
    }
}
