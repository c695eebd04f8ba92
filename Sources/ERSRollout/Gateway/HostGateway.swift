public import ERSGateway
public import ERSModel
import Foundation

/// Drives the host's nginx: renders the gateway config for a traffic split, has `nginx -t`
/// check it, reloads, and confirms the new config is the one serving before anything counts
/// as done (`nginx -s reload` exits 0 even when the new config is not taken, e.g. when a port
/// cannot be bound; only the serving generation on `/healthz` tells).
public struct HostGateway: Sendable {
    /// Where nginx runs.
    public var settings: HostGatewaySettings

    /// Creates a controller.
    public init(settings: HostGatewaySettings) {
        self.settings = settings
    }

    /// The config for `traffic` (every service with a `rollout.host`; each service the gateway
    /// routes to needs one).
    /// - Throws: ``RolloutError/render(reasons:)`` listing every problem.
    public func render(_ spec: SystemSpec, traffic: [String: ServiceTraffic]) throws(RolloutError) -> NginxConfig {
        var servers: [String: [UpstreamServer]] = [:]
        var testRoutes: [String: GatewayTestRoute] = [:]
        for service in spec.services {
            guard let rollout = service.rollout, let host = rollout.host else { continue }
            let split = traffic[service.name] ?? ServiceTraffic(stableSlot: rollout.blueGreen?.effectiveActiveSlot ?? .blue, stableVersion: nil)
            servers[service.name] = split.servers(of: host)
            if let route = split.testRoute(of: rollout) { testRoutes[service.name] = route }
        }
        let renderer: NginxConfigRenderer
        do {
            renderer = try NginxConfigRenderer.bundled()
        } catch {
            throw .render(reasons: ["the bundled template does not compile (\(error)); this is a bug in ersctl"])
        }
        do {
            return try renderer.renderConfig(spec, target: .servers(servers), paths: settings.paths, testRoutes: testRoutes)
        } catch {
            let reasons = error.diagnostics.map { diagnostic in
                diagnostic.message.contains("the target has no server")
                    ? "\(diagnostic.path): the gateway routes to this service, so the host gateway needs its address: add rollout.host to it"
                    : diagnostic.description
            }
            throw .render(reasons: reasons)
        }
    }

    /// The generation `/healthz` reports now, or nil when the gateway does not answer.
    public func servingGeneration() -> String? {
        guard let response = try? HTTPProbe(timeoutSeconds: 1).get(healthURL), response.status == 200 else { return nil }
        return response.headers[NginxConfig.generationHeader.lowercased()]
    }

    /// Makes `config` the serving one: nothing when it already serves; else writes it beside
    /// the config file, `nginx -t`, moves it into place, `nginx -s reload`, and waits until
    /// `/healthz` reports its generation.
    /// - Returns: whether a reload happened.
    /// - Throws: ``RolloutError/configTest(file:output:)`` (nothing changed),
    ///   ``RolloutError/nginxNotRunning(pidFile:command:)``, ``RolloutError/reload(expected:serving:detail:)``.
    @discardableResult
    public func apply(_ config: NginxConfig) async throws(RolloutError) -> Bool {
        if servingGeneration() == config.generation, (try? String(contentsOfFile: settings.configFile, encoding: .utf8)) == config.text {
            return false
        }
        let runner = CommandRunner()
        let log = URL(fileURLWithPath: settings.paths.errorLog).deletingLastPathComponent().appendingPathComponent("ersctl-nginx.log")
        let next = settings.configFile + ".next"
        do {
            try config.text.write(toFile: next, atomically: true, encoding: .utf8)
        } catch {
            throw .stateFile(path: next, reason: "cannot write the new gateway config (\(error.localizedDescription))")
        }
        let test = try await runner.run(nginx(["-t", "-q", "-c", next]), logFile: log, timeoutSeconds: 30)
        guard test.status == 0 else { throw .configTest(file: next, output: test.output) }
        guard isRunning() else { throw .nginxNotRunning(pidFile: settings.paths.pidFile, command: nginx(["-c", settings.configFile]).joined(separator: " ")) }
        if rename(next, settings.configFile) != 0 {
            throw .stateFile(path: settings.configFile, reason: "cannot move the new config into place (\(String(cString: strerror(errno))))")
        }
        let errorLogSize = (try? FileManager.default.attributesOfItem(atPath: settings.paths.errorLog)[.size] as? NSNumber)?.uint64Value ?? 0
        let reload = try await runner.run(nginx(["-s", "reload", "-c", settings.configFile]), logFile: log, timeoutSeconds: 30)
        guard reload.status == 0 else {
            throw .reload(expected: config.generation, serving: servingGeneration(), detail: "nginx -s reload exited \(reload.status): \(reload.output)")
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(settings.reloadTimeoutSeconds * 1000))
        var serving: String?
        while ContinuousClock.now < deadline {
            serving = servingGeneration()
            if serving == config.generation { return true }
            try? await Task.sleep(for: .milliseconds(25))
        }
        throw .reload(
            expected: config.generation, serving: serving,
            detail: "not serving after \(settings.reloadTimeoutSeconds) s; error.log: \(Self.text(of: settings.paths.errorLog, from: errorLogSize))")
    }

    /// Whether the nginx master in the pid file is alive.
    public func isRunning() -> Bool { masterPID() != nil }

    /// The nginx master's pid, when its pid file names a live process.
    func masterPID() -> Int32? {
        guard let text = try? String(contentsOfFile: settings.paths.pidFile, encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0, kill(pid, 0) == 0 || errno == EPERM
        else { return nil }
        return pid
    }

    /// How many of the master's workers are still shutting down after a reload (they may still
    /// talk to servers the new config took out). Nil where `/proc` cannot tell.
    public func workersShuttingDown() -> Int? {
        guard let master = masterPID(), let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        var count = 0
        for entry in entries where Int32(entry) != nil {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, Int32(fields[1]) == master else { continue }
            let command = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline"))).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if command.contains("shutting down") { count += 1 }
        }
        return count
    }

    /// `http://…/healthz` of the gateway.
    var healthURL: String {
        (settings.gatewayURL.hasSuffix("/") ? String(settings.gatewayURL.dropLast()) : settings.gatewayURL) + NginxConfig.healthPath
    }

    /// nginx with the prefix and error log of the settings, then `arguments`.
    private func nginx(_ arguments: [String]) -> [String] {
        let prefix = settings.prefix.hasSuffix("/") ? settings.prefix : settings.prefix + "/"
        return [settings.nginxBinary, "-p", prefix, "-e", settings.paths.errorLog] + arguments
    }

    /// What `file` holds after `offset` (at most its last 2000 characters).
    private static func text(of file: String, from offset: UInt64) -> String {
        guard let handle = FileHandle(forReadingAtPath: file) else { return "(unreadable)" }
        defer { try? handle.close() }
        try? handle.seek(toOffset: offset)
        let text = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
        return text.isEmpty ? "(nothing new)" : String(text.suffix(2000))
    }
}
