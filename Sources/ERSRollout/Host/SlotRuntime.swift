import ERSModel
import Foundation

/// A service's two slots on the host: starting and stopping a version in one with the spec's
/// commands (placeholders and `ERS_*` variables filled in), and checking its health endpoint.
struct SlotRuntime: Sendable {
    let spec: SystemSpec
    let service: Service
    let host: HostRollout
    let state: StateDirectory

    /// The values of `{service}`, `{slot}`, `{version}`, `{image}`, `{address}`, `{host}`, `{port}`.
    func placeholders(slot: RolloutSlot, version: String) -> [String: String] {
        let address = host.address(of: slot)
        let parts = address.split(separator: ":", maxSplits: 1).map(String.init)
        var image = service.image
        image.tag = version
        image.digest = nil
        return [
            "service": service.name, "slot": slot.rawValue, "version": version, "image": spec.resolvedImage(image),
            "address": address, "host": parts.first ?? address, "port": parts.count > 1 ? parts[1] : "",
        ]
    }

    /// `command` with placeholders replaced.
    func expand(_ command: [String], slot: RolloutSlot, version: String) -> [String] {
        let values = placeholders(slot: slot, version: version)
        return command.map { argument in
            values.reduce(argument) { text, entry in text.replacingOccurrences(of: "{\(entry.key)}", with: entry.value) }
        }
    }

    /// Runs the deploy (`stopping` false) or stop command for `slot`.
    /// - Throws: ``RolloutError/command(arguments:status:output:)`` on a non-zero exit or timeout.
    func run(stopping: Bool, slot: RolloutSlot, version: String) async throws(RolloutError) {
        let command = expand(stopping ? host.stop : host.deploy, slot: slot, version: version)
        var environment: [String: String] = [:]
        for (key, value) in placeholders(slot: slot, version: version) { environment["ERS_\(key.uppercased())"] = value }
        let log = state.logFile("\(service.name)-\(slot.rawValue)")
        let timeout = Double(host.commandTimeoutSeconds ?? HostRollout.defaultCommandTimeoutSeconds)
        let result = try await CommandRunner().run(command, environment: environment, logFile: log, timeoutSeconds: timeout)
        guard result.status == 0 else { throw .command(arguments: command, status: result.status, output: result.output) }
    }

    /// The health endpoint of `slot`.
    func healthURL(of slot: RolloutSlot) -> String {
        let path = host.healthPath ?? service.probes?.readiness?.path ?? "/health"
        return "http://\(host.address(of: slot))\(path)"
    }

    /// The version `slot` reports when healthy (200), or why it is not healthy.
    func health(of slot: RolloutSlot) -> Result<String, RolloutError> {
        let url = healthURL(of: slot)
        let response: HTTPProbe.Response
        do {
            response = try HTTPProbe(timeoutSeconds: 2).get(url)
        } catch {
            return .failure(error)
        }
        guard response.status == 200 else { return .failure(.http(url: url, reason: "status \(response.status)")) }
        if let header = host.versionHeader {
            guard let version = response.headers[header.lowercased()] else {
                return .failure(.http(url: url, reason: "no \(header) header in the answer"))
            }
            return .success(version)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any],
            let version = object["version"] as? String
        else {
            return .failure(.http(url: url, reason: "the answer is not a JSON object with a \"version\" string (set rollout.host.versionHeader if the version is in a header)"))
        }
        return .success(version)
    }

    /// Whether `slot` is healthy and reports `version`; else why not.
    func check(_ slot: RolloutSlot, version: String) -> String? {
        switch health(of: slot) {
        case .success(let reported) where reported == version: nil
        case .success(let reported): "healthy but reports version \(reported)"
        case .failure(let error): "\(error)"
        }
    }

    /// Waits until `slot` is healthy and reports `version`, at most `startTimeoutSeconds`.
    /// - Throws: ``RolloutError/unhealthy(service:url:expectedVersion:last:)``.
    func waitHealthy(_ slot: RolloutSlot, version: String) async throws(RolloutError) {
        let timeout = host.startTimeoutSeconds ?? HostRollout.defaultStartTimeoutSeconds
        let deadline = ContinuousClock.now + .seconds(timeout)
        var last = "no answer yet"
        while ContinuousClock.now < deadline {
            guard let problem = check(slot, version: version) else { return }
            last = problem
            try? await Task.sleep(for: .milliseconds(100))
        }
        throw .unhealthy(service: service.name, url: healthURL(of: slot), expectedVersion: version, last: last)
    }
}
