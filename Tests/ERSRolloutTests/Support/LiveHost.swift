import ERSModel
import Foundation
import Testing

@testable import ERSRollout

/// A single host for live release tests, all on loopback in a private directory: the test
/// HTTP server as each version (started and stopped by the spec's deploy and stop commands),
/// and Debian's nginx running the rendered gateway config as a child of the test (no root: pid,
/// temp and logs in the directory), in front of slot blue (running 1.0.0) and slot green.
final class LiveHost {
    let directory: URL
    let gatewayPort: Int
    let bluePort: Int
    let greenPort: Int
    let state: StateDirectory
    let settings: HostGatewaySettings
    private(set) var spec: SystemSpec
    private var nginx: ChildProcess?

    /// The base URL of the gateway.
    var gatewayURL: String { "http://127.0.0.1:\(gatewayPort)" }
    /// A routed URL (public route `/api` to `collection`).
    var apiURL: String { "\(gatewayURL)/api/v1/ping" }
    /// The spec file written for CLI runs.
    var specFile: URL { directory.appendingPathComponent("spec.yaml") }

    /// Starts version 1.0.0 in slot blue and nginx in front of it; `strategy` makes the
    /// `collection` service's rollout from the host settings.
    init(strategy: (HostRollout) -> RolloutStrategy) async throws {
        try LiveRequirements.require()
        guard let python = LiveRequirements.python, let nginxBinary = LiveRequirements.nginx else {
            throw LiveRequirements.Unavailable(description: "python3 or nginx missing")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ers-rollout-\(UUID().uuidString.prefix(8))")
        for sub in ["logs", "tmp", "state"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let script = directory.appendingPathComponent("server.py")
        try TestServer.script.write(to: script, atomically: true, encoding: .utf8)
        let ports = try Self.freePorts(3)
        (gatewayPort, bluePort, greenPort) = (ports[0], ports[1], ports[2])
        let dir = directory.path
        let host = HostRollout(
            slots: HostSlots(blue: "127.0.0.1:\(bluePort)", green: "127.0.0.1:\(greenPort)"),
            deploy: [
                "/bin/sh", "-c",
                "\(python) \(script.path) {port} {version} \(dir)/fail-{version} >\(dir)/logs/server-{slot}.log 2>&1 & echo $! >\(dir)/server-{slot}.pid",
            ],
            stop: ["/bin/sh", "-c", "kill -9 $(cat \(dir)/server-{slot}.pid) 2>/dev/null; rm -f \(dir)/server-{slot}.pid; true"],
            healthPath: "/health", startTimeoutSeconds: 30, commandTimeoutSeconds: 30)
        spec = Self.spec(gatewayPort: gatewayPort, rollout: strategy(host))
        state = StateDirectory(path: directory.appendingPathComponent("state").path)
        settings = HostGatewaySettings(
            nginxBinary: nginxBinary, prefix: dir, configFile: "\(dir)/nginx.conf", gatewayURL: "http://127.0.0.1:\(gatewayPort)")

        // Version 1.0.0 in blue, by the same command the executor uses.
        guard let service = spec.service(named: "collection") else { throw LiveRequirements.Unavailable(description: "no collection") }
        let runtime = SlotRuntime(spec: spec, service: service, host: host, state: state)
        try await runtime.run(stopping: false, slot: .blue, version: "1.0.0")
        try await runtime.waitHealthy(.blue, version: "1.0.0")

        // nginx with the initial config, in the foreground as our child.
        let gateway = HostGateway(settings: settings)
        let config = try gateway.render(spec, traffic: HostGatewayState.initial(spec: spec, settings: settings).traffic)
        try config.text.write(toFile: settings.configFile, atomically: true, encoding: .utf8)
        nginx = try ChildProcess(
            [nginxBinary, "-p", dir + "/", "-e", settings.paths.errorLog, "-c", settings.configFile, "-g", "daemon off;"],
            outputPath: "\(dir)/logs/nginx.out")
        for _ in 0..<200 where gateway.servingGeneration() != config.generation {
            try await Task.sleep(for: .milliseconds(25))
        }
        guard gateway.servingGeneration() == config.generation else {
            stop()
            throw LiveRequirements.Unavailable(description: "nginx did not start: \((try? String(contentsOfFile: settings.paths.errorLog, encoding: .utf8)) ?? "")")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(spec).write(to: specFile)
    }

    /// The test spec: a gateway (listening on `gatewayPort`) and `collection` with `rollout`,
    /// behind the public route `/api` (and the auth target, unused by public routes). No rate
    /// limit, so wrk is not throttled.
    static func spec(gatewayPort: Int, rollout: RolloutStrategy) -> SystemSpec {
        let http = [ContainerPort(name: "http", containerPort: 8080)]
        let probes = Probes(liveness: Probe(path: "/health", port: "http"), readiness: Probe(path: "/health", port: "http"))
        return SystemSpec(
            name: "ers", environment: "test", namespace: "ers-test",
            images: ImageDefaults(registry: "registry.example.com/ers", tag: "1.0.0"),
            services: [
                Service(name: "gateway", image: ImageReference(repository: "docker.io/nginxinc/nginx-unprivileged", tag: "1.27.3-alpine"),
                        ports: [ContainerPort(name: "http", containerPort: gatewayPort)]),
                Service(name: "collection", image: ImageReference(repository: "ers-server"), ports: http, probes: probes, rollout: rollout),
            ],
            gateway: Gateway(
                service: "gateway", port: "http", auth: GatewayAuth(service: "collection", port: "http", verifyPath: "/auth/verify"),
                routes: [Route(name: "api", path: "/api", service: "collection", port: "http", public: true)]))
    }

    /// Makes `version` answer 500 for `percent` of its requests (its server reads the file).
    func failShare(version: String, percent: Int) throws {
        try "\(percent)".write(to: directory.appendingPathComponent("fail-\(version)"), atomically: true, encoding: .utf8)
    }

    /// The address of `slot`.
    func address(_ slot: RolloutSlot) -> String { "127.0.0.1:\(slot == .blue ? bluePort : greenPort)" }

    /// GETs `url` (optionally with a header) and returns the version the answer names.
    func version(at url: String? = nil, header: (String, String)? = nil) throws -> (status: Int, version: String?) {
        guard let target = HTTPTarget(url ?? apiURL) else { throw LiveRequirements.Unavailable(description: "bad URL") }
        let socket = try TestSocket(port: target.port)
        var request = "GET \(target.path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let header { request += "\(header.0): \(header.1)\r\n" }
        let response = try socket.exchange(request + "\r\n")
        let object = try? JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
        return (response.status, object?["version"] as? String)
    }

    /// Every access log entry so far.
    func accessLog() throws -> [AccessLogEntry] {
        let text = try String(contentsOfFile: settings.paths.accessLog, encoding: .utf8)
        let decoder = JSONDecoder()
        return text.split(separator: "\n").compactMap { try? decoder.decode(AccessLogEntry.self, from: Data($0.utf8)) }
    }

    /// Per config generation, requests whose answer came from each address.
    func servedByGeneration() throws -> [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        for entry in try accessLog() where entry.upstream == "collection_http" {
            guard let final = entry.attempts.last else { continue }
            result[entry.configGeneration, default: [:]][final.address, default: 0] += 1
        }
        return result
    }

    /// Stops the servers and nginx and removes the directory.
    func stop() {
        for slot in ["blue", "green"] {
            if let text = try? String(contentsOfFile: directory.appendingPathComponent("server-\(slot).pid").path, encoding: .utf8),
               let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                kill(pid, SIGKILL)
            }
        }
        if let nginx {
            nginx.signal(SIGTERM)
            for _ in 0..<200 where nginx.isRunning { usleep(25_000) }
            nginx.signal(SIGKILL)
            _ = nginx.poll()
        }
    }

    /// Stops everything and removes the directory (unless ERS_KEEP_ROLLOUT_DIR is set).
    func cleanUp() {
        stop()
        if ProcessInfo.processInfo.environment["ERS_KEEP_ROLLOUT_DIR"] == nil {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// `count` distinct free TCP ports on 127.0.0.1, below Linux's ephemeral range (32768 and
    /// up), so no client connection of a load generator can hold one of them.
    static func freePorts(_ count: Int) throws -> [Int] {
        var sockets: [TestSocket.Listener] = []
        defer { sockets.forEach { $0.close() } }
        var attempts = 0
        while sockets.count < count, attempts < 1000 {
            attempts += 1
            if let listener = try? TestSocket.Listener(port: Int.random(in: 20000..<32000)) { sockets.append(listener) }
        }
        guard sockets.count == count else { throw LiveRequirements.Unavailable(description: "no free ports") }
        return sockets.map(\.port)
    }
}
