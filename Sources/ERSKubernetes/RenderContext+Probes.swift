import ERSModel
import ERSRender

extension RenderContext {
    /// An `httpGet` probe on the named port with every timing written out, defaults filled
    /// in: `initialDelaySeconds` 0, `timeoutSeconds` 1, `periodSeconds` 10,
    /// `successThreshold` 1 (always 1 for liveness and startup probes, which the API server
    /// requires), `failureThreshold` 3. API reference: "Probe", "HTTPGetAction".
    func httpProbe(_ probe: Probe, mustSucceedOnce: Bool) -> YAMLValue {
        let action: YAMLValue = ["path": .string(probe.path), "port": .string(probe.port), "scheme": "HTTP"]
        return probeTimings(
            handler: ("httpGet", action), initialDelaySeconds: probe.initialDelaySeconds ?? 0,
            timeoutSeconds: probe.timeoutSeconds ?? 1, periodSeconds: probe.periodSeconds ?? 10,
            successThreshold: mustSucceedOnce ? 1 : (probe.successThreshold ?? 1),
            failureThreshold: probe.failureThreshold ?? 3)
    }

    /// An `exec` probe running `command` (no shell unless the command is one).
    func execProbe(
        _ command: [String], initialDelaySeconds: Int = 0, timeoutSeconds: Int, periodSeconds: Int, failureThreshold: Int
    ) -> YAMLValue {
        probeTimings(
            handler: ("exec", ["command": .sequence(command.map(YAMLValue.string))]),
            initialDelaySeconds: initialDelaySeconds, timeoutSeconds: timeoutSeconds, periodSeconds: periodSeconds,
            successThreshold: 1, failureThreshold: failureThreshold)
    }

    /// The container's `livenessProbe`, `readinessProbe` and `startupProbe` entries.
    func probeEntries(_ probes: Probes?) -> [(String, YAMLValue?)] {
        [
            ("livenessProbe", probes?.liveness.map { httpProbe($0, mustSucceedOnce: true) }),
            ("readinessProbe", probes?.readiness.map { httpProbe($0, mustSucceedOnce: false) }),
            ("startupProbe", probes?.startup.map { httpProbe($0, mustSucceedOnce: true) }),
        ]
    }

    /// A `Probe`: the handler, then the timings in the API's field order.
    private func probeTimings(
        handler: (String, YAMLValue), initialDelaySeconds: Int, timeoutSeconds: Int, periodSeconds: Int,
        successThreshold: Int, failureThreshold: Int
    ) -> YAMLValue {
        var mapping = YAMLMapping()
        mapping[handler.0] = handler.1
        mapping["initialDelaySeconds"] = .int(initialDelaySeconds)
        mapping["timeoutSeconds"] = .int(timeoutSeconds)
        mapping["periodSeconds"] = .int(periodSeconds)
        mapping["successThreshold"] = .int(successThreshold)
        mapping["failureThreshold"] = .int(failureThreshold)
        return .mapping(mapping)
    }
}
